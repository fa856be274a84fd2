using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>A resumed run keeps the warnings raised before its checkpoint, so its summary lists them all.</summary>
public sealed partial class RunWarnings
{
    public void WriteCheckpoint(BinaryWriter writer) => CheckpointData.WriteStrings(writer, _messages);

    public void ReadCheckpoint(BinaryReader reader)
    {
        foreach (var message in CheckpointData.ReadStrings(reader)) Add(message);
    }
}
