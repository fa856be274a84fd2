namespace PhysML.Viewer.Presentation;

/// <summary>What <see cref="SwapchainPresenter.Present"/> did with a frame.</summary>
public enum PresentOutcome
{
    /// <summary>The frame was queued for display.</summary>
    Presented,

    /// <summary>The window has no area (minimised): nothing was drawn; wait for events instead of spinning.</summary>
    SkippedMinimised,

    /// <summary>The swapchain was out of date (resize) and was recreated; the frame was dropped, draw the next one.</summary>
    SwapchainRecreated,
}
