using PhysML.Core.Checkpoints;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.ML.Training;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// Writes online pressure training's samples and snapshots to a run checkpoint, for one write or one read. A sample's
/// operator is written once, by its grid, boundary and cell kinds (all the MAC operators are built from), and later
/// samples of the same operator refer to it by index: training groups samples by operator identity, so the resumed
/// trainer must see the same sharing to draw the same batches.
/// </summary>
public sealed class PressureCheckpointFormat(string architecture, int dimensions) : IOnlineCheckpointFormat<PressureSample, PreconditionerSnapshot>
{
    private readonly Dictionary<IPoissonStencil, int> _written = new(ReferenceEqualityComparer.Instance);
    private readonly List<IPoissonStencil> _read = new();

    public void WriteSample(BinaryWriter writer, PressureSample sample)
    {
        WriteOperator(writer, sample.A);
        CheckpointData.Write<double>(writer, sample.B);
    }

    public PressureSample ReadSample(BinaryReader reader)
    {
        var a = ReadOperator(reader);
        var b = new double[a.Size];
        CheckpointData.Read<double>(reader, b, "online training sample right-hand side");
        return new PressureSample(a, b);
    }

    public void WriteSnapshot(BinaryWriter writer, PreconditionerSnapshot snapshot) => snapshot.Write(writer);

    public PreconditionerSnapshot ReadSnapshot(BinaryReader reader) => PreconditionerSnapshot.Read(reader, architecture, dimensions);

    /// <summary>Writes <paramref name="a"/>, or its index when this checkpoint already holds it.</summary>
    public void WriteOperator(BinaryWriter writer, IPoissonStencil a)
    {
        if (_written.TryGetValue(a, out var index))
        {
            writer.Write(index);
            return;
        }
        writer.Write(-1);
        _written[a] = _written.Count;
        switch (a)
        {
            case PressurePoisson2D p:
                writer.Write((byte)2);
                CheckpointData.Write<MacGrid2D>(writer, [p.Grid]);
                CheckpointData.Write<FlowBoundary>(writer, [p.Boundary]);
                CheckpointData.Write(writer, p.Cells);
                break;
            case PressurePoisson3D p:
                writer.Write((byte)3);
                CheckpointData.Write<MacGrid3D>(writer, [p.Grid]);
                CheckpointData.Write<FlowBoundary3D>(writer, [p.Boundary]);
                CheckpointData.Write(writer, p.Cells);
                break;
            default:
                throw new ArgumentException($"online training checkpoints the MAC pressure operators, not {a.GetType().Name}", nameof(a));
        }
    }

    public IPoissonStencil ReadOperator(BinaryReader reader)
    {
        var index = reader.ReadInt32();
        if (index >= 0)
        {
            if (index >= _read.Count) throw new CheckpointFormatException($"online training sample: operator {index} of {_read.Count}");
            return _read[index];
        }
        IPoissonStencil a = reader.ReadByte() switch
        {
            2 => Read2D(reader),
            3 => Read3D(reader),
            var d => throw new CheckpointFormatException($"online training sample: a {d}D pressure operator"),
        };
        _read.Add(a);
        return a;
    }

    private static PressurePoisson2D Read2D(BinaryReader reader)
    {
        var grid = new MacGrid2D[1];
        var boundary = new FlowBoundary[1];
        CheckpointData.Read<MacGrid2D>(reader, grid, "online training operator grid");
        CheckpointData.Read<FlowBoundary>(reader, boundary, "online training operator boundary");
        var cells = new CellKind[grid[0].CellCount];
        CheckpointData.Read<CellKind>(reader, cells, "online training operator cells");
        return new PressurePoisson2D(grid[0], boundary[0], cells);
    }

    private static PressurePoisson3D Read3D(BinaryReader reader)
    {
        var grid = new MacGrid3D[1];
        var boundary = new FlowBoundary3D[1];
        CheckpointData.Read<MacGrid3D>(reader, grid, "online training operator grid");
        CheckpointData.Read<FlowBoundary3D>(reader, boundary, "online training operator boundary");
        var cells = new CellKind[grid[0].CellCount];
        CheckpointData.Read<CellKind>(reader, cells, "online training operator cells");
        return new PressurePoisson3D(grid[0], boundary[0], cells);
    }
}
