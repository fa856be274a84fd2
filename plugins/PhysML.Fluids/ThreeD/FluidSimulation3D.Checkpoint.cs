using PhysML.Core.Checkpoints;
using PhysML.Fields.Mac;

namespace PhysML.Fluids.ThreeD;

/// <summary>What a run checkpoint keeps of a 3D fluid; the same as in 2D (<see cref="FluidSimulation2D"/>) with w.</summary>
public sealed partial class FluidSimulation3D
{
    private double[][] CheckpointArrays() =>
        [Velocity.U, Velocity.V, Velocity.W, _density, _densityNext, _temperature, _temperatureNext, Phi, _solidVelocity.U, _solidVelocity.V, _solidVelocity.W];

    private static readonly string[] CheckpointNames =
        ["u", "v", "w", "density", "density (next)", "temperature", "temperature (next)", "phi", "solid u", "solid v", "solid w"];

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        writer.Write(_lastSubstepDt);
        foreach (var array in CheckpointArrays()) CheckpointData.Write<double>(writer, array);
        CheckpointData.Write<CellKind>(writer, Cells);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        _lastSubstepDt = reader.ReadDouble();
        var arrays = CheckpointArrays();
        for (var n = 0; n < arrays.Length; n++) CheckpointData.Read<double>(reader, arrays[n], $"3D fluid {CheckpointNames[n]}");
        CheckpointData.Read<CellKind>(reader, Cells, "3D fluid cell kinds");
    }
}
