using PhysML.Core.Checkpoints;
using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>What a run checkpoint keeps of a 2D fluid: the velocity, the scalars (both buffers of each pair, so the
/// swap state does not matter), φ (the next solve's warm start), the cell kinds and obstacle face velocities (moving
/// obstacles rewrite them each substep, static ones never), the clock and the last substep's dt (the pressure field
/// reads it). Grids, operators and preconditioners are rebuilt by Startup and from the restored cells.</summary>
public sealed partial class FluidSimulation2D
{
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Time);
        writer.Write(_lastSubstepDt);
        foreach (var array in new[] { Velocity.U, Velocity.V, _density, _densityNext, _temperature, _temperatureNext, Phi, _solidVelocity.U, _solidVelocity.V })
            CheckpointData.Write<double>(writer, array);
        CheckpointData.Write<CellKind>(writer, Cells);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Time = reader.ReadDouble();
        _lastSubstepDt = reader.ReadDouble();
        var names = new[] { "u", "v", "density", "density (next)", "temperature", "temperature (next)", "phi", "solid u", "solid v" };
        var arrays = new[] { Velocity.U, Velocity.V, _density, _densityNext, _temperature, _temperatureNext, Phi, _solidVelocity.U, _solidVelocity.V };
        for (var n = 0; n < arrays.Length; n++) CheckpointData.Read<double>(reader, arrays[n], $"fluid {names[n]}");
        CheckpointData.Read<CellKind>(reader, Cells, "fluid cell kinds");
    }
}
