using PhysML.Core.Checkpoints;

namespace PhysML.Pde;

/// <summary>What a run checkpoint keeps of a membrane: the two time levels leapfrog reads (uⁿ, uⁿ⁻¹), the cached
/// acceleration of uⁿ, the velocity and energy it reports, whether the Taylor start is done, and the clock.</summary>
public sealed partial class WaveMembraneSimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        writer.Write(Energy);
        writer.Write(_started);
        foreach (var array in new[] { Displacement, _previous, _acceleration, Velocity }) CheckpointData.Write<double>(writer, array);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        Energy = reader.ReadDouble();
        _started = reader.ReadBoolean();
        CheckpointData.Read<double>(reader, Displacement, "wave displacement");
        CheckpointData.Read<double>(reader, _previous, "wave displacement (previous)");
        CheckpointData.Read<double>(reader, _acceleration, "wave acceleration");
        CheckpointData.Read<double>(reader, Velocity, "wave velocity");
    }
}
