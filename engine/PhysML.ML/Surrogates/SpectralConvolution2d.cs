using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Surrogates;

/// <summary>
/// The Fourier layer of a Fourier neural operator (Li et al., "Fourier Neural Operator for Parametric PDEs", ICLR 2021,
/// eq. 4): v ↦ F⁻¹(R · F v) on the lowest <c>modes1 × modes2</c> wavenumbers of a 2D field, R a learned complex matrix
/// per kept mode (channels in × channels out). rfft2 halves the last axis, so the first axis keeps its lowest positive
/// and negative wavenumbers (two weight blocks), the last only its non-negative ones, as the reference implementation.
/// The complex weights are stored as real and imaginary float tensors so that checkpoints stay float32 and
/// <see cref="SurrogateCheckpoint"/> needs no complex support.
/// </summary>
public sealed class SpectralConvolution2d : Module<Tensor, Tensor>
{
    private readonly int _modes1, _modes2;
    private readonly Parameter _lowReal, _lowImag, _highReal, _highImag;

    public SpectralConvolution2d(int channelsIn, int channelsOut, int modes1, int modes2) : base(nameof(SpectralConvolution2d))
    {
        _modes1 = modes1;
        _modes2 = modes2;
        // Scale 1/(in·out) as the reference FNO: the layer starts near zero and the 1×1 path carries the signal.
        var scale = 1.0 / (channelsIn * channelsOut);
        Parameter Weight() => new(rand(channelsIn, channelsOut, modes1, modes2) * scale);
        _lowReal = Weight();
        _lowImag = Weight();
        _highReal = Weight();
        _highImag = Weight();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (batch, rows, columns) = (input.shape[0], input.shape[2], input.shape[3]);
        var m1 = Math.Min(_modes1, (int)(rows / 2));
        var m2 = Math.Min(_modes2, (int)(columns / 2 + 1));
        var spectrum = fft.rfft2(input);
        var real = spectrum.real;
        var imag = spectrum.imag;
        var outReal = zeros(batch, _lowReal.shape[1], rows, columns / 2 + 1, dtype: input.dtype);
        var outImag = zeros_like(outReal);
        Multiply(real[.., .., ..m1, ..m2], imag[.., .., ..m1, ..m2], _lowReal[.., .., ..m1, ..m2], _lowImag[.., .., ..m1, ..m2], out var lowR, out var lowI);
        Multiply(real[.., .., (int)(rows - m1).., ..m2], imag[.., .., (int)(rows - m1).., ..m2], _highReal[.., .., ..m1, ..m2], _highImag[.., .., ..m1, ..m2], out var highR, out var highI);
        outReal[.., .., ..m1, ..m2] = lowR;
        outImag[.., .., ..m1, ..m2] = lowI;
        outReal[.., .., (int)(rows - m1).., ..m2] = highR;
        outImag[.., .., (int)(rows - m1).., ..m2] = highI;
        var output = fft.irfft2(complex(outReal, outImag), s: [rows, columns]);
        return output.MoveToOuterDisposeScope();
    }

    // (a + ib)(c + id) contracted over the input channel: einsum("bixy,ioxy->boxy").
    private static void Multiply(Tensor a, Tensor b, Tensor c, Tensor d, out Tensor real, out Tensor imag)
    {
        real = einsum("bixy,ioxy->boxy", a, c) - einsum("bixy,ioxy->boxy", b, d);
        imag = einsum("bixy,ioxy->boxy", a, d) + einsum("bixy,ioxy->boxy", b, c);
    }
}
