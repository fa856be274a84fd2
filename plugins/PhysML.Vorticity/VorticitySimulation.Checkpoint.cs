using System.Numerics;
using PhysML.Core.Checkpoints;

namespace PhysML.Vorticity;

/// <summary>What a run checkpoint keeps of the spectral solver: the vorticity coefficients (the state), the physical
/// fields synchronised from them, the stage speed the next CFL estimate starts from, and the clock. The initial random
/// field is drawn once at Startup; the integrating-factor decay is rebuilt for the step's dt.</summary>
public sealed partial class VorticitySimulation
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        writer.Write(_stageSpeed);
        CheckpointData.Write<Complex>(writer, _state);
        foreach (var array in new[] { Vorticity, U, V, Streamfunction }) CheckpointData.Write<double>(writer, array);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        _stageSpeed = reader.ReadDouble();
        CheckpointData.Read<Complex>(reader, _state, "vorticity coefficients");
        CheckpointData.Read<double>(reader, Vorticity, "vorticity");
        CheckpointData.Read<double>(reader, U, "vorticity u");
        CheckpointData.Read<double>(reader, V, "vorticity v");
        CheckpointData.Read<double>(reader, Streamfunction, "streamfunction");
    }
}
