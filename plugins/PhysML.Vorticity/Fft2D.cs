using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace PhysML.Vorticity;

/// <summary>
/// Unscaled 2D discrete Fourier transforms of an n × n row-major array, in place: Forward X_k = Σ x_j e^(−2πi k·j/n),
/// Inverse x_j = Σ X_k e^(+2πi k·j/n) (no 1/n² either way; callers fold it into their coefficients).
/// <para>
/// Built from MathNet.Numerics' 1D <see cref="Fourier.Forward(Complex[], FourierOptions)"/>, rows then columns,
/// because its <c>Fourier.Forward2D</c>/<c>Inverse2D</c> throw <see cref="NotSupportedException"/> with the managed
/// provider (MathNet 5.0.0 implements the multi-dimensional transforms only in the native MKL provider). The 1D
/// transform wants a whole array, so each row and column is copied through a scratch line.
/// </para>
/// </summary>
public sealed class Fft2D
{
    private static readonly FourierOptions Unscaled = FourierOptions.NoScaling;
    private readonly Complex[] _line;

    public Fft2D(int n)
    {
        if (!BitOperations.IsPow2(n)) throw new ArgumentOutOfRangeException(nameof(n), n, "must be a power of two");
        N = n;
        _line = new Complex[n];
    }

    public int N { get; }

    public void Forward(Complex[] values) => Transform(values, forward: true);

    public void Inverse(Complex[] values) => Transform(values, forward: false);

    private void Transform(Complex[] values, bool forward)
    {
        var n = N;
        if (values.Length != n * n) throw new ArgumentException($"expected {n}×{n} values, got {values.Length}", nameof(values));
        var line = _line;
        for (var j = 0; j < n; j++)
        {
            Array.Copy(values, j * n, line, 0, n);
            Run(line, forward);
            Array.Copy(line, 0, values, j * n, n);
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) line[j] = values[j * n + i];
            Run(line, forward);
            for (var j = 0; j < n; j++) values[j * n + i] = line[j];
        }
    }

    private static void Run(Complex[] line, bool forward)
    {
        if (forward) Fourier.Forward(line, Unscaled);
        else Fourier.Inverse(line, Unscaled);
    }
}
