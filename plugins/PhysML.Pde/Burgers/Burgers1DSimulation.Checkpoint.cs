using PhysML.Core.Checkpoints;

namespace PhysML.Pde;

/// <summary>What a run checkpoint keeps of 1D Burgers: u and the clock (the stages are scratch within a step).</summary>
public sealed partial class Burgers1DSimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        CheckpointData.Write<double>(writer, U);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        CheckpointData.Read<double>(reader, U, "burgers u");
    }
}
