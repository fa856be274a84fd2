namespace PhysML.Core.Application;

/// <summary>A change an interactive front end (the viewer, later the scenario timeline) asks for while a scene runs.</summary>
public enum RuntimeCommand
{
    /// <summary>Next pressure solver / preconditioner (cg → pcg-jacobi → pcg-mic → mgpcg → cg).</summary>
    CycleSolver,

    /// <summary>Move the pressure solve between the CPU and Vulkan.</summary>
    ToggleBackend,

    /// <summary>Pause or resume online training of a learned pressure model.</summary>
    ToggleTraining,
}
