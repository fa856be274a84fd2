using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Core.Validation;

namespace PhysML.Pde;

/// <summary>
/// The Startup check the three PDE plugins share. Scene files are validated by the loader; a component built in code (or
/// changed after startup) is checked here, before the numerics see it.
/// </summary>
internal static class ComponentCheck
{
    /// <summary>Throws <see cref="ComponentValueException"/> naming the first bad field and listing all of them.</summary>
    public static void ThrowIfInvalid<T>(Entity entity, string sceneName, T component) where T : IValidatable
    {
        var errors = component.Validate().ToList();
        if (errors.Count == 0) return;
        throw new ComponentValueException(entity, $"{sceneName}.{errors[0].Field}",
            $"invalid {sceneName}: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
