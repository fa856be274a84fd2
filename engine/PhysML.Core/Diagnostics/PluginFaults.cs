using PhysML.Core.Application;
using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>The plugins disabled so far in a run (a resource the App keeps; summary.json lists them). Checkpointed, so
/// a plugin disabled before a checkpoint stays disabled after <c>physml resume</c>.</summary>
public sealed class PluginFaults : ICheckpointable
{
    private readonly List<PluginFault> _faults = new();

    public IReadOnlyList<PluginFault> Faults => _faults;

    public bool IsDisabled(string? plugin) => plugin is not null && _faults.Any(f => f.Plugin == plugin);

    internal void Add(PluginFault fault) => _faults.Add(fault);

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(_faults.Count);
        foreach (var fault in _faults)
        {
            writer.Write(fault.Plugin);
            writer.Write(fault.System);
            writer.Write((int)fault.Stage);
            writer.Write(fault.Frame);
            writer.Write(fault.Error);
        }
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new CheckpointFormatException($"plugin faults: negative count {count}");
        _faults.Clear();
        for (var i = 0; i < count; i++)
            _faults.Add(new PluginFault(reader.ReadString(), reader.ReadString(), (Stage)reader.ReadInt32(), reader.ReadInt64(), reader.ReadString()));
    }
}
