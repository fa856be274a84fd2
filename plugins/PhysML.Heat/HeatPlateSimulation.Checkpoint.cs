using PhysML.Core.Checkpoints;

namespace PhysML.Heat;

/// <summary>What a run checkpoint keeps of a heat plate: the temperatures and the clock. The sources are rasterised
/// again before every step, and the implicit operator is rebuilt for the step's dt.</summary>
public sealed partial class HeatPlateSimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        CheckpointData.Write<double>(writer, Temperature);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        CheckpointData.Read<double>(reader, Temperature, "heat plate temperature");
    }
}
