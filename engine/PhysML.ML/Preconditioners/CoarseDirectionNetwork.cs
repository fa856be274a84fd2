using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// The cheap architecture: the smooth part of A⁻¹r from a small 16-channel U-Net on a grid 4× coarser per axis
/// (1/64 of the cells in 3D), upsampled linearly, plus the rough part from a 4-channel two-layer convolution at full
/// resolution. Full-resolution work is one pooling read of the input, one 3→4→1 convolution pair and one upsampled
/// write: about 15 floats of traffic per cell, under one CG iteration's (≈ 15 doubles), where the reference U-Net moves
/// hundreds. The coarse grid sees 4·(its depth) cells of context, which is where the global part of A⁻¹ lives.
/// </summary>
public sealed class CoarseDirectionNetwork : DirectionNetwork
{
    public const string ArchitectureName = "coarse16";
    private const int Channels = 16;
    private const int FineChannels = 4;
    private const int Coarsening = 4;

    private readonly Module<Tensor, Tensor> _lift, _coarse1, _deep1, _deep2, _coarse2, _project, _fine1, _fine2;

    public CoarseDirectionNetwork(int dimensions) : base(ArchitectureName, dimensions)
    {
        _lift = Convolution(InputChannels, Channels);
        _coarse1 = Convolution(Channels, Channels);
        _deep1 = Convolution(Channels, Channels);
        _deep2 = Convolution(Channels, Channels);
        _coarse2 = Convolution(Channels, Channels);
        _project = Convolution(Channels, 1);
        _fine1 = Convolution(InputChannels, FineChannels);
        _fine2 = Convolution(FineChannels, 1);
        RegisterComponents();
    }

    // Two poolings by 2 below the 4× coarse grid.
    protected override int SizeMultiple => Coarsening * 2;

    protected override Tensor Body(Tensor input)
    {
        var coarse = functional.relu(_lift.call(AveragePool(input, Coarsening)));
        coarse = coarse + functional.relu(_coarse1.call(coarse));
        var deep = functional.relu(_deep1.call(AveragePool(coarse, 2)));
        deep = deep + functional.relu(_deep2.call(deep));
        coarse = coarse + Upsample(deep, 2);
        coarse = coarse + functional.relu(_coarse2.call(coarse));
        var smooth = Upsample(_project.call(coarse), Coarsening);
        var rough = _fine2.call(functional.relu(_fine1.call(input)));
        return smooth + rough;
    }
}
