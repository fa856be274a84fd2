using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// The reference network after Kaneda et al. (2023): a fully convolutional U-Net with one pooling level, 16 channels,
/// 3×3(×3) convolutions, ReLU and residual additions. Each call costs tens of CG iterations of memory traffic (every
/// layer reads and writes 16 full-resolution channels), so it is the iteration-count reference, not the fast default.
/// </summary>
public sealed class UNetDirectionNetwork : DirectionNetwork
{
    public const string ArchitectureName = "unet16";
    private const int Channels = 16;

    private readonly Module<Tensor, Tensor> _lift, _fine1, _coarse1, _coarse2, _coarse3, _fine2, _project;

    public UNetDirectionNetwork(int dimensions) : base(ArchitectureName, dimensions)
    {
        _lift = Convolution(InputChannels, Channels);
        _fine1 = Convolution(Channels, Channels);
        _coarse1 = Convolution(Channels, Channels);
        _coarse2 = Convolution(Channels, Channels);
        _coarse3 = Convolution(Channels, Channels);
        _fine2 = Convolution(Channels, Channels);
        _project = Convolution(Channels, 1);
        RegisterComponents();
    }

    protected override int SizeMultiple => 2;

    protected override Tensor Body(Tensor input)
    {
        var fine = functional.relu(_lift.call(input));
        fine = fine + functional.relu(_fine1.call(fine));
        var coarse = functional.relu(_coarse1.call(AveragePool(fine, 2)));
        coarse = coarse + functional.relu(_coarse2.call(coarse));
        coarse = coarse + functional.relu(_coarse3.call(coarse));
        var merged = fine + Upsample(coarse, 2);
        merged = merged + functional.relu(_fine2.call(merged));
        return _project.call(merged);
    }
}
