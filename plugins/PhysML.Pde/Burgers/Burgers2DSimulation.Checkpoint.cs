using PhysML.Core.Checkpoints;

namespace PhysML.Pde;

/// <summary>What a run checkpoint keeps of 2D Burgers: u, v, the reported speed and the clock (stages, slopes and
/// fluxes are scratch within a step).</summary>
public sealed partial class Burgers2DSimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        foreach (var array in new[] { U, V, Speed }) CheckpointData.Write<double>(writer, array);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        CheckpointData.Read<double>(reader, U, "burgers u");
        CheckpointData.Read<double>(reader, V, "burgers v");
        CheckpointData.Read<double>(reader, Speed, "burgers speed");
    }
}
