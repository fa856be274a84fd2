using PhysML.Core.Errors;
using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// PDEBench's 1D diffusion–sorption as a surrogate problem. The network is a 2D FNO over (t, x) whose input channels
/// are the initial condition broadcast over t, τ = t/T and x/L; its N output channels are the basis fields. Derivatives
/// of the basis are finite differences on the grid: second-order in τ (<see cref="TimeDerivative"/>) and in x the
/// reference solver's own finite-volume Laplacian, PDEBench's ghost cells included: u₋₁ = inlet (a source term of the
/// first cell's residual) and u_N = D/dx·(u_{N−2} − u_{N−1}). The PDE is collocated at every cell for samples after
/// <see cref="DiffusionSorptionParameters.TransientSeconds"/>, and the two boundary cells are in every draw
/// (<see cref="RequiredCollocation"/>): their residual carries the boundary conditions, which without them would reach
/// an expert's solve only through the points that happen to be drawn next to the ends. Boundary rows at every t &gt; 0,
/// each weighted by <c>boundaryWeight</c>, also state the ghost values with the ghost extrapolated linearly from the
/// first two cells: 2u₀ − u₁ = inlet for the expert owning the first cell, and 2u_{N−1} − u_{N−2} =
/// D/dx·(u_{N−2} − u_{N−1}) for the expert owning the last. The reference meets these rows to ~dx²·u_xx (measured:
/// ≤ 2e-3 at 128 cells, where u₀ = inlet, an earlier form, was off by 2–11 %) and the differenced PDE to an RMS of
/// 0.02 after the transient.
/// </summary>
public sealed class DiffusionSorptionProblem : ISurrogateProblem
{
    public const string ProblemName = "diffusion-sorption";
    private readonly double _boundaryWeight;

    public DiffusionSorptionProblem(DiffusionSorptionParameters parameters, double boundaryWeight = 1)
    {
        Parameters = parameters;
        _boundaryWeight = boundaryWeight;
        Grid = new SurrogateGrid(parameters.Times, 1, parameters.Cells);
        Residual = new DiffusionSorptionResidual(parameters);
        CollocationMask = new bool[Grid.Points];
        RequiredCollocation = new bool[Grid.Points];
        SourceField = new double[Grid.Points];
        var sample = parameters.Horizon / (parameters.Times - 1);
        var first = Math.Max(1, (int)Math.Floor(parameters.TransientSeconds / sample + 1e-9) + 1);
        if (first >= Grid.Times)
            throw new PhysMLException(ErrorCodes.SurrogateSettingsInvalid, ErrorCategory.BadInput,
                $"diffusion-sorption: transientSeconds {parameters.TransientSeconds} leaves no sample to collocate the PDE at (horizon {parameters.Horizon} s, {parameters.Times} samples)");
        for (var t = first; t < Grid.Times; t++)
        {
            var row = t * Grid.Spatial;
            for (var x = 0; x < Grid.Columns; x++) CollocationMask[row + x] = true;
            RequiredCollocation[row] = RequiredCollocation[row + Grid.Columns - 1] = true;
        }
        // The inlet ghost's part of the first cell's Laplacian, D·T/dx²·inlet, at every sample (the residual subtracts it).
        var kappa = parameters.Diffusivity * parameters.Horizon * parameters.Cells * parameters.Cells / (parameters.Length * parameters.Length);
        for (var t = 0; t < Grid.Times; t++) SourceField[t * Grid.Spatial] = kappa * parameters.Inlet;
    }

    public DiffusionSorptionParameters Parameters { get; }
    public string Name => ProblemName;
    public SurrogateGrid Grid { get; }
    public IPdeResidual Residual { get; }
    public int InputChannels => 3;
    public double[]? SourceField { get; }
    public bool[] CollocationMask { get; }
    public bool[]? RequiredCollocation { get; }

    public int OutputChannels(int fields) => fields;

    public Tensor NetworkInput(Tensor initial)
    {
        var (batch, nt, nx) = (initial.shape[0], (long)Grid.Times, (long)Grid.Columns);
        var u0 = initial.unsqueeze(1).expand(batch, nt, nx);
        var tau = linspace(0, 1, nt, dtype: initial.dtype, device: initial.device).view(1, nt, 1).expand(batch, nt, nx);
        var x = ((arange(nx, dtype: initial.dtype, device: initial.device) + 0.5) / nx).view(1, 1, nx).expand(batch, nt, nx);
        return stack([u0, tau, x], 1);
    }

    public Tensor BasisFields(Tensor output, int fields) => output;

    public Tensor[] OperatorFields(Tensor basis)
    {
        var p = Parameters;
        var dx = p.Length / p.Cells;
        var dt = 1.0 / (p.Times - 1);
        var kappa = p.Diffusivity * p.Horizon / (dx * dx);
        var beta = p.Diffusivity / dx;
        var inner = basis[TensorIndex.Ellipsis, ..^2] - 2 * basis[TensorIndex.Ellipsis, 1..^1] + basis[TensorIndex.Ellipsis, 2..];
        // Ghosts: the inlet's constant is the source term; the outflow ghost β(u_{N−2} − u_{N−1}) is linear.
        var first = basis[TensorIndex.Ellipsis, 1..2] - 2 * basis[TensorIndex.Ellipsis, 0..1];
        var last = (1 + beta) * basis[TensorIndex.Ellipsis, ^2..^1] - (2 + beta) * basis[TensorIndex.Ellipsis, ^1..];
        var laplacian = cat([first, inner, last], -1) * kappa;
        return [basis, TimeDerivative.Of(basis, dt), laplacian];
    }

    public (Tensor A, Tensor B)? BoundaryRows(Tensor basis, ExpertPartition partition)
    {
        var p = Parameters;
        var (batch, n, nt, nx) = (basis.shape[0], basis.shape[1], basis.shape[2], basis.shape[3]);
        var beta = p.Diffusivity * p.Cells / p.Length;
        // [batch, Times, N] per boundary: rows at every t > 0 (t = 0 belongs to the initial condition).
        var left = (2 * basis[.., .., 1.., 0] - basis[.., .., 1.., 1]).permute(0, 2, 1);
        var right = ((2 + beta) * basis[.., .., 1.., (int)(nx - 1)] - (1 + beta) * basis[.., .., 1.., (int)(nx - 2)]).permute(0, 2, 1);
        var rows = cat([left, right], 1) * _boundaryWeight;
        var targets = cat([full(batch, nt - 1, p.Inlet * _boundaryWeight, dtype: basis.dtype, device: basis.device),
            zeros(batch, nt - 1, dtype: basis.dtype, device: basis.device)], 1);
        var k = partition.Experts;
        var mask = zeros(k, 2 * (nt - 1), dtype: basis.dtype, device: basis.device);
        mask[0, ..(int)(nt - 1)] = 1;
        mask[k - 1, (int)(nt - 1)..] = 1;
        var a = rows.unsqueeze(1) * mask.view(1, k, -1, 1);
        var b = targets.unsqueeze(1) * mask.view(1, k, -1);
        return (a, b);
    }
}
