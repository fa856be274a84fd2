namespace PhysML.Core.Diagnostics;

/// <summary>The plugins disabled so far in a run (a resource the App keeps; summary.json lists them).</summary>
public sealed class PluginFaults
{
    private readonly List<PluginFault> _faults = new();

    public IReadOnlyList<PluginFault> Faults => _faults;

    public bool IsDisabled(string? plugin) => plugin is not null && _faults.Any(f => f.Plugin == plugin);

    internal void Add(PluginFault fault) => _faults.Add(fault);
}
