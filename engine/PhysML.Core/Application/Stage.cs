namespace PhysML.Core.Application;

/// <summary>
/// The named stages of a frame, run in this order. Startup runs once before the first frame, then PostStartup once
/// (for systems that need what every plugin's Startup created, e.g. probes checking field names); FixedUpdate runs zero or
/// more times per frame at the fixed time step (physics lives only there); Extract copies what the renderer needs;
/// Render reads only the extracted copy.
/// </summary>
public enum Stage
{
    Startup,
    PostStartup,
    PreUpdate,
    FixedUpdate,
    Update,
    PostUpdate,
    Extract,
    Render,
}
