namespace PhysML.Viewer.Simulation;

/// <summary>What the window thread asks of the simulation thread; applied at the next frame boundary.</summary>
public enum SimulationCommand
{
    /// <summary>Pause, or resume a paused run (also clears the pause an error caused only through <see cref="Reset"/>).</summary>
    TogglePause,

    /// <summary>Run exactly one frame, then stay paused.</summary>
    Step,

    /// <summary>Reload the scene file from disk and start again at frame 0 (keeps the pause state).</summary>
    Reset,

    /// <summary>Display the next field of the scene's catalog.</summary>
    CycleField,
}
