using PhysML.Solvers.Learned;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A fully convolutional network from a residual to a search direction (≈ s·A⁻¹r), for 2D or 3D grids of any size.
/// Input channels: the residual scaled to unit RMS over the unknowns, the unknown mask, and the diagonal over 2·d
/// (which marks walls, obstacles and open sides next to a cell); output: one channel, zero off the unknowns.
/// Its direction costs one network evaluation per solver iteration (<see cref="TorchDirectionModel"/>).
/// </summary>
public abstract class DirectionNetwork(string architecture, int dimensions) : PreconditionerNetwork(architecture, dimensions)
{
    public const int InputChannels = 3;

    public override Tensor Directions(SystemTensors system, Tensor b) => forward(Inputs(b, system.Stencil));

    public override ISearchDirectionModel ToModel(int version, ParallelOptions? parallel = null) => new TorchDirectionModel(this, version);

    /// <summary>The grid sizes must be multiples of this (inputs are zero-padded up to it).</summary>
    protected abstract int SizeMultiple { get; }

    /// <summary>The network proper, on padded input [B, 3, ...] → [B, 1, ...].</summary>
    protected abstract Tensor Body(Tensor input);

    /// <summary>Input [B, 3, (Nz,) Ny, Nx] as built by <see cref="Inputs"/>; output [B, 1, ...], zero off the unknowns.</summary>
    public Tensor forward(Tensor input)
    {
        var spatial = input.shape[2..];
        var padding = new long[2 * spatial.Length];
        for (var d = 0; d < spatial.Length; d++)
        {
            // functional.pad lists (before, after) pairs from the last dimension backwards.
            var size = spatial[spatial.Length - 1 - d];
            padding[2 * d + 1] = (SizeMultiple - size % SizeMultiple) % SizeMultiple;
        }
        var padded = padding.Any(p => p != 0) ? functional.pad(input, padding) : input;
        var output = Body(padded);
        if (!ReferenceEquals(padded, input))
        {
            for (var d = 0; d < spatial.Length; d++) output = output.narrow(2 + d, 0, spatial[d]);
        }
        // Channel 1 of the input is the unknown mask.
        return output * input.narrow(1, 1, 1);
    }

    /// <summary>The network input for residuals r [B, 1, ...] of the system <paramref name="a"/>.</summary>
    public static Tensor Inputs(Tensor r, StencilTensors a)
    {
        var batch = r.shape[0];
        var sumSquares = (r * r).sum([.. Enumerable.Range(1, (int)r.dim() - 1).Select(d => (long)d)], keepdim: true);
        var rms = (sumSquares / Math.Max(1, a.UnknownCount)).sqrt().clamp_min(1e-30);
        long[] expand = [batch, 1, .. a.SpatialShape];
        return cat([r / rms, a.Unknown.expand(expand), (a.Diagonal / (2.0 * a.Dimensions)).expand(expand)], 1);
    }

    protected Tensor AveragePool(Tensor x, long factor) => Dimensions == 2
        ? functional.avg_pool2d(x, [factor, factor])
        : functional.avg_pool3d(x, [factor, factor, factor]);

    /// <summary>Cell-centred (bi/tri)linear upsampling by an integer factor, edges clamped (align_corners = false).</summary>
    protected Tensor Upsample(Tensor x, long factor) =>
        functional.interpolate(x, scale_factor: Enumerable.Repeat((double)factor, Dimensions).ToArray(),
            mode: Dimensions == 2 ? InterpolationMode.Bilinear : InterpolationMode.Trilinear, align_corners: false);
}
