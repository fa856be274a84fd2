using PhysML.Solvers;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A Poisson stencil as float tensors of shape [1, 1, (Nz,) Ny, Nx]: the diagonal, the +x/+y(/+z) couplings and the
/// unknown mask, so that A can be applied to a batch inside a TorchSharp graph (the training loss needs A·q with
/// gradients) and the network can be given the cell flags. Owns its tensors.
/// </summary>
public sealed class StencilTensors : IDisposable
{
    private readonly Tensor[] _couplings;

    public StencilTensors(IPoissonStencil a, Device? device = null)
        : this(a.Shape, a.Diagonal, a.East, a.North, a.Front, UnknownMask(a.Size, a.IsUnknown), device)
    {
    }

    /// <summary>A stencil given by its arrays (a multigrid level's), with 1/0 per cell for unknowns.</summary>
    public StencilTensors(StencilShape shape, ReadOnlySpan<double> diagonal, ReadOnlySpan<double> east,
        ReadOnlySpan<double> north, ReadOnlySpan<double> front, double[] unknown, Device? device = null)
    {
        Shape = shape;
        Dimensions = shape.Nz == 1 ? 2 : 3;
        SpatialShape = Dimensions == 2 ? [shape.Ny, shape.Nx] : [shape.Nz, shape.Ny, shape.Nx];
        // Detached from any dispose scope the caller is in: these live as long as this object.
        Diagonal = Field(diagonal, device).DetachFromDisposeScope();
        Unknown = Field(unknown, device).DetachFromDisposeScope();
        _couplings = (Dimensions == 2 ? new[] { Field(east, device), Field(north, device) }
                : [Field(east, device), Field(north, device), Field(front, device)])
            .Select(t => t.DetachFromDisposeScope()).ToArray();
        UnknownCount = (int)unknown.Sum();
    }

    public static double[] UnknownMask(int size, Func<int, bool> isUnknown)
    {
        var mask = new double[size];
        for (var n = 0; n < size; n++) mask[n] = isUnknown(n) ? 1 : 0;
        return mask;
    }

    public StencilShape Shape { get; }

    /// <summary>2 or 3.</summary>
    public int Dimensions { get; }

    /// <summary>(Nz,) Ny, Nx: the spatial dimensions of every tensor here.</summary>
    public long[] SpatialShape { get; }

    public Tensor Diagonal { get; }

    /// <summary>1 on pressure unknowns, 0 on identity rows.</summary>
    public Tensor Unknown { get; }

    public int UnknownCount { get; }

    /// <summary>The +x, +y(, +z) couplings, each [1, 1, ...].</summary>
    public IReadOnlyList<Tensor> Couplings => _couplings;

    /// <summary>
    /// A·q for a batch q of shape [B, 1, (Nz,) Ny, Nx]: (Aq)_c = D_c q_c − Σ_axis (C_c q_{c+1} + C_{c−1} q_{c−1}).
    /// A roll wraps the last cell onto the first; that is the periodic coupling where an axis is periodic and
    /// multiplies a zero coupling where it is not (the stencil has no coupling across a non-periodic side).
    /// </summary>
    public Tensor Apply(Tensor q)
    {
        var result = Diagonal * q;
        for (var axis = 0; axis < _couplings.Length; axis++)
        {
            var dim = -1 - axis; // x is the last dimension, then y, then z
            var coupling = _couplings[axis];
            result = result - coupling * q.roll(-1, dim) - (coupling * q).roll(1, dim);
        }
        return result;
    }

    /// <summary>A field of this stencil's cells as a [1, 1, ...] float tensor (cell n = i + Nx(j + Ny k)).</summary>
    public Tensor Field(ReadOnlySpan<double> values, Device? device = null)
    {
        var data = new float[values.Length];
        for (var n = 0; n < data.Length; n++) data[n] = (float)values[n];
        return tensor(data, [1, 1, .. SpatialShape], device: device);
    }

    public void Dispose()
    {
        Diagonal.Dispose();
        Unknown.Dispose();
        foreach (var c in _couplings) c.Dispose();
    }
}
