using PhysML.Core.Checkpoints;

namespace PhysML.DiffusionSorption;

/// <summary>What a run checkpoint keeps of the rod: u, the level before it and its dt (BDF2 reads both), the figures
/// the last step reported, and the clock. The Newton workspace is scratch within a step.</summary>
public sealed partial class DiffusionSorptionSimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        writer.Write(_historyDt);
        writer.Write(LastIterations);
        writer.Write(LeftInflux);
        writer.Write(RightInflux);
        CheckpointData.Write<double>(writer, U);
        CheckpointData.Write<double>(writer, _history);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        _historyDt = reader.ReadDouble();
        LastIterations = reader.ReadInt32();
        LeftInflux = reader.ReadDouble();
        RightInflux = reader.ReadDouble();
        CheckpointData.Read<double>(reader, U, "diffusion-sorption u");
        CheckpointData.Read<double>(reader, _history, "diffusion-sorption u (previous level)");
    }
}
