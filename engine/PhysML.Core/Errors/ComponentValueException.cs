using PhysML.Core.Ecs;

namespace PhysML.Core.Errors;

/// <summary>
/// A component value that passed its own checks but is wrong in context (an obstacle outside the domain, a time step
/// too large for an explicit scheme), found by a plugin at Startup (PML0105, bad input). It names the entity and the
/// field (<c>diskObstacle.x</c>), so a scene loader can point at the line in the scene file.
/// </summary>
public sealed class ComponentValueException(Entity entity, string field, string message)
    : PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput, message)
{
    public Entity Entity { get; } = entity;

    /// <summary>Component scene name and field path, e.g. <c>heatPlate.scheme</c>.</summary>
    public string Field { get; } = field;
}
