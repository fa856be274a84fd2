using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// PDEBench's 1D diffusion–sorption as a surrogate problem. The network is a 2D FNO over (t, x) whose input channels
/// are the initial condition broadcast over t, τ = t/T and x/L; its N output channels are the basis fields. Derivatives
/// of the basis are finite differences on the grid: second-order in τ (<see cref="TimeDerivative"/>) and the
/// three-point Laplacian in x at interior cells (the PDE is collocated there, and at t &gt; 0). Boundary rows, each
/// weighted by <c>boundaryWeight</c>: u(x₀, t) = inlet for the expert owning the first cell (x₀ = dx/2, PDEBench's ghost
/// value at first order), and u + D·∂u/∂x = 0 at the last cell by a one-sided difference for the expert owning it.
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
        for (var t = 1; t < Grid.Times; t++)
            for (var x = 1; x < Grid.Columns - 1; x++)
                CollocationMask[t * Grid.Spatial + x] = true;
    }

    public DiffusionSorptionParameters Parameters { get; }
    public string Name => ProblemName;
    public SurrogateGrid Grid { get; }
    public IPdeResidual Residual { get; }
    public int InputChannels => 3;
    public double[]? SourceField => null;
    public bool[] CollocationMask { get; }

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
        var inner = (basis[TensorIndex.Ellipsis, ..^2] - 2 * basis[TensorIndex.Ellipsis, 1..^1] + basis[TensorIndex.Ellipsis, 2..]) * kappa;
        var laplacian = nn.functional.pad(inner, [1, 1]);
        return [basis, TimeDerivative.Of(basis, dt), laplacian];
    }

    public (Tensor A, Tensor B)? BoundaryRows(Tensor basis, ExpertPartition partition)
    {
        var p = Parameters;
        var (batch, n, nt, nx) = (basis.shape[0], basis.shape[1], basis.shape[2], basis.shape[3]);
        var beta = p.Diffusivity * p.Cells / p.Length;
        // [batch, Times, N] per boundary: rows at every t > 0 (t = 0 belongs to the initial condition).
        var left = basis[.., .., 1.., 0].permute(0, 2, 1);
        var right = ((1 + beta) * basis[.., .., 1.., (int)(nx - 1)] - beta * basis[.., .., 1.., (int)(nx - 2)]).permute(0, 2, 1);
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
