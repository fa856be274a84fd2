namespace PhysML.Core.Application;

/// <summary>
/// The named stages of a frame, run in this order. Startup runs once before the first frame; FixedUpdate runs zero or
/// more times per frame at the fixed time step (physics lives only there); Extract copies what the renderer needs;
/// Render reads only the extracted copy.
/// </summary>
public enum Stage
{
    Startup,
    PreUpdate,
    FixedUpdate,
    Update,
    PostUpdate,
    Extract,
    Render,
}
