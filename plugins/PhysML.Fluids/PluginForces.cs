namespace PhysML.Fluids;

/// <summary>Runs a plugin's force field inside the fluid's system, naming it in a failure: otherwise the exception would
/// read as the fluid's own.</summary>
internal static class PluginForces
{
    public static void Run(string name, object force, Action apply)
    {
        try
        {
            apply();
        }
        catch (Exception e) when (e is not PhysML.Core.Errors.PhysMLException)
        {
            throw new InvalidOperationException($"force field '{name}' ({force.GetType().FullName}) threw {e.GetType().Name}: {e.Message}", e);
        }
    }
}
