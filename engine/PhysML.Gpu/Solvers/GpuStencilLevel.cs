using PhysML.Solvers;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// One level of a stencil system on the GPU, in float: the stencil (diagonal, couplings, inverse diagonal masked to
/// unknowns), the interpolation scale from the next coarser level, and the level's work vectors.
/// </summary>
internal sealed class GpuStencilLevel : IDisposable
{
    private readonly List<GpuBuffer> _buffers = new();

    public GpuStencilLevel(VulkanContext context, string name, StencilShape shape,
        ReadOnlySpan<double> diagonal, ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> front,
        ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> interpolationScale, bool workVectors)
    {
        Shape = shape;
        Groups = WorkgroupGrid.For(shape.CellCount, 256, context.MaxWorkgroupsX);
        try
        {
            GpuBuffer Upload(string field, ReadOnlySpan<double> values)
            {
                var buffer = Vector(context, $"{name}.{field}", shape.CellCount);
                var floats = new float[shape.CellCount];
                for (var n = 0; n < floats.Length; n++) floats[n] = (float)values[n];
                buffer.Upload<float>(floats);
                return buffer;
            }
            Diagonal = Upload("diagonal", diagonal);
            East = Upload("east", east);
            North = Upload("north", north);
            Front = Upload("front", front);
            InverseDiagonal = Upload("inverseDiagonal", inverseDiagonal);
            InterpolationScale = interpolationScale.IsEmpty ? null : Upload("interpolationScale", interpolationScale);
            if (workVectors)
            {
                X = Vector(context, $"{name}.x", shape.CellCount);
                B = Vector(context, $"{name}.b", shape.CellCount);
                R = Vector(context, $"{name}.r", shape.CellCount);
                T = Vector(context, $"{name}.t", shape.CellCount);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        GpuBuffer Vector(VulkanContext c, string bufferName, int count)
        {
            var buffer = c.CreateBuffer(SolverBuffers.Vector(count), bufferName);
            _buffers.Add(buffer);
            return buffer;
        }
    }

    public StencilShape Shape { get; }

    /// <summary>Cells per coarse cell along x, y, z (<see cref="PhysML.Solvers.Multigrid.MultigridLevel.Ratio"/>).</summary>
    public (int X, int Y, int Z) Ratio { get; init; } = (1, 1, 1);
    public WorkgroupGrid Groups { get; }
    public GpuBuffer Diagonal { get; } = null!;
    public GpuBuffer East { get; } = null!;
    public GpuBuffer North { get; } = null!;
    public GpuBuffer Front { get; } = null!;
    public GpuBuffer InverseDiagonal { get; } = null!;
    public GpuBuffer? InterpolationScale { get; }
    public GpuBuffer? X { get; }
    public GpuBuffer? B { get; }
    public GpuBuffer? R { get; }

    /// <summary>The other half of the smoother's ping-pong.</summary>
    public GpuBuffer? T { get; }

    public GridPush Grid => new((uint)Shape.Nx, (uint)Shape.Ny, (uint)Shape.Nz);

    public void Dispose()
    {
        for (var i = _buffers.Count - 1; i >= 0; i--) _buffers[i].Dispose();
        _buffers.Clear();
    }
}
