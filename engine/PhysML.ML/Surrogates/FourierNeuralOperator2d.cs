using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Surrogates;

/// <summary>
/// A 2D Fourier neural operator (Li et al. 2021, §4): a pointwise lift to <c>width</c> channels, <c>layers</c> Fourier
/// layers v ← GELU(K v + W v) (K spectral, W a 1×1 convolution; no activation after the last), and a two-layer
/// pointwise projection to the output channels. Input and output are [batch, channels, rows, columns]; the surrogates
/// use it over (t, x) for 1D problems and over (y, x) with time in the channels for 2D ones.
/// </summary>
public sealed class FourierNeuralOperator2d : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _lift, _hidden, _project;
    private readonly ModuleList<SpectralConvolution2d> _spectral;
    private readonly ModuleList<Module<Tensor, Tensor>> _pointwise;

    public FourierNeuralOperator2d(int channelsIn, int channelsOut, int width, int modes1, int modes2, int layers) : base(nameof(FourierNeuralOperator2d))
    {
        _lift = Conv2d(channelsIn, width, 1);
        _spectral = new ModuleList<SpectralConvolution2d>(Enumerable.Range(0, layers).Select(_ => new SpectralConvolution2d(width, width, modes1, modes2)).ToArray());
        _pointwise = new ModuleList<Module<Tensor, Tensor>>(Enumerable.Range(0, layers).Select(_ => (Module<Tensor, Tensor>)Conv2d(width, width, 1)).ToArray());
        _hidden = Conv2d(width, 4 * width, 1);
        _project = Conv2d(4 * width, channelsOut, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var v = _lift.call(input);
        for (var layer = 0; layer < _spectral.Count; layer++)
        {
            v = _spectral[layer].call(v) + _pointwise[layer].call(v);
            if (layer < _spectral.Count - 1) v = functional.gelu(v);
        }
        var output = _project.call(functional.gelu(_hidden.call(v)));
        return output.MoveToOuterDisposeScope();
    }
}
