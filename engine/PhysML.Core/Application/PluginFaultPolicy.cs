namespace PhysML.Core.Application;

/// <summary>
/// Which plugins are disabled, rather than stopping the run, when one of their systems throws (a resource; without it
/// every failure stops the run with PML0007). A disabled plugin's systems are all skipped from then on, the failure is
/// recorded in <see cref="Diagnostics.PluginFaults"/> and <see cref="Diagnostics.RunWarnings"/> as PML0801, and the
/// other plugins go on. The scene loader sets it from the scene's <c>onPluginError</c>.
/// </summary>
[Checkpoints.NoCheckpointState("set from the scene's onPluginError at load")]
public sealed record PluginFaultPolicy(IReadOnlySet<string> DisableOnError)
{
    public bool Disables(string? plugin) => plugin is not null && DisableOnError.Contains(plugin);
}
