using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// 2D vorticity Navier–Stokes as a surrogate problem. The network is a 2D FNO over (y, x) with time in the channels
/// (FNO's "2D + time as channels" variant, which keeps a CPU forward pass to one 2D FFT per layer): input ω₀, x/L,
/// y/L; output N·Times channels, reshaped to N basis fields over (t, y, x). Spatial derivatives of the basis and its
/// streamfunction velocities are spectral (the domain is periodic: exact for the grid's modes); ∂/∂τ is a
/// second-order finite difference. No boundary rows: periodicity is built into the FFT derivatives.
/// </summary>
public sealed class VorticityProblem : ISurrogateProblem
{
    public const string ProblemName = "ns-vorticity";

    public VorticityProblem(VorticityParameters parameters)
    {
        Parameters = parameters;
        Grid = new SurrogateGrid(parameters.Times, parameters.Points, parameters.Points);
        CollocationMask = Enumerable.Repeat(true, Grid.Points).ToArray();
        if (parameters.Forcing is { } f)
        {
            SourceField = new double[Grid.Points];
            for (var t = 0; t < Grid.Times; t++)
                for (var s = 0; s < Grid.Spatial; s++)
                    SourceField[t * Grid.Spatial + s] = parameters.Horizon * f[s];
        }
    }

    public VorticityParameters Parameters { get; }
    public string Name => ProblemName;
    public SurrogateGrid Grid { get; }
    public IPdeResidual Residual { get; } = new VorticityResidual();
    public int InputChannels => 3;
    public double[]? SourceField { get; }
    public bool[] CollocationMask { get; }

    public int OutputChannels(int fields) => fields * Grid.Times;

    public Tensor NetworkInput(Tensor initial)
    {
        var (batch, n) = (initial.shape[0], (long)Grid.Columns);
        var omega = initial.view(batch, n, n);
        var coordinate = arange(n, dtype: initial.dtype, device: initial.device) / n;
        var x = coordinate.view(1, 1, n).expand(batch, n, n);
        var y = coordinate.view(1, n, 1).expand(batch, n, n);
        return stack([omega, x, y], 1);
    }

    public Tensor BasisFields(Tensor output, int fields) =>
        output.reshape(output.shape[0], fields, Grid.Times, Grid.Spatial);

    public Tensor[] OperatorFields(Tensor basis)
    {
        var p = Parameters;
        var (batch, fields, times, n) = (basis.shape[0], basis.shape[1], basis.shape[2], (long)p.Points);
        var grid = basis.reshape(batch, fields, times, n, n);
        var spectrum = fft.rfft2(grid);
        var scale = 2 * Math.PI / p.Length;
        var kx = (arange(n / 2 + 1, dtype: ScalarType.Float32) * scale).view(1, -1);
        var ky = (fft.fftfreq(n, 1.0 / n, dtype: ScalarType.Float32) * scale).view(-1, 1);
        var k2 = kx.square() + ky.square();
        var inverseK2 = where(k2 > 0, 1 / k2.clamp_min(1e-30), zeros_like(k2));
        Tensor Derivative(Tensor k) => complex(zeros_like(k.expand(n, n / 2 + 1)), k.expand(n, n / 2 + 1)).to(basis.device);
        var (ikx, iky) = (Derivative(kx), Derivative(ky));
        Tensor Physical(Tensor s) => fft.irfft2(s, s: [n, n]).reshape(batch, fields, times, n * n);
        var streamfunction = spectrum * inverseK2.to(basis.device);
        var dt = 1.0 / (p.Times - 1);
        return
        [
            TimeDerivative.Of(basis, dt),
            p.Horizon * Physical(spectrum * ikx),
            p.Horizon * Physical(spectrum * iky),
            Physical(streamfunction * iky),
            -Physical(streamfunction * ikx),
            (p.Horizon * p.Viscosity) * Physical(spectrum * (-k2).to(basis.device)),
        ];
    }

    public bool Periodic => true;

    public (Tensor A, Tensor B)? BoundaryRows(Tensor basis, ExpertPartition partition) => null;
}
