namespace PhysML.Gpu.ML;

// The two architectures' forward passes, step for step as PhysML.ML's CoarseDirectionNetwork.Body and
// UNetDirectionNetwork.Body (the parity tests compare the outputs to 1e-4). Buffers are reused once their value is
// dead, so a pass holds at most two 16-channel activations per resolution.
public sealed partial class DirectionNetworkPlan
{
    private const ConvolutionFlags Relu = ConvolutionFlags.Relu;
    private const ConvolutionFlags ResidualRelu = ConvolutionFlags.Relu | ConvolutionFlags.AddInput;

    // coarse16: the smooth part from a 16-channel U-Net on the 4× coarser grid, upsampled, plus the rough part from a
    // 3→4→1 convolution pair at full resolution.
    private void RecordCoarse16(GpuBuffer input, GpuBuffer output)
    {
        var coarseGrid = Padded.Coarsened(4);
        var deepGrid = coarseGrid.Coarsened(2);
        var pooled = Activation("pooled", DirectionNetworkArchitecture.InputChannels, coarseGrid);
        var coarseA = Activation("coarseA", 16, coarseGrid);
        var coarseB = Activation("coarseB", 16, coarseGrid);
        var deepIn = Activation("deepIn", 16, deepGrid);
        var deepA = Activation("deepA", 16, deepGrid);
        var deepB = Activation("deepB", 16, deepGrid);
        var smooth = Activation("smooth", 1, coarseGrid);
        var rough = Activation("rough", 4, Padded);

        AveragePool(input, pooled, coarseGrid, DirectionNetworkArchitecture.InputChannels, 4);
        Convolution("_lift", pooled, coarseA, coarseGrid, Relu);                   // coarse = relu(lift(pool4(input)))
        Convolution("_coarse1", coarseA, coarseB, coarseGrid, ResidualRelu);       // coarse += relu(coarse1(coarse))
        AveragePool(coarseB, deepIn, deepGrid, 16, 2);
        Convolution("_deep1", deepIn, deepA, deepGrid, Relu);                      // deep = relu(deep1(pool2(coarse)))
        Convolution("_deep2", deepA, deepB, deepGrid, ResidualRelu);               // deep += relu(deep2(deep))
        Upsample(deepB, coarseB, deepGrid, 16, 2, accumulate: true);               // coarse += up2(deep)
        Convolution("_coarse2", coarseB, coarseA, coarseGrid, ResidualRelu);       // coarse += relu(coarse2(coarse))
        Convolution("_project", coarseA, smooth, coarseGrid, ConvolutionFlags.None);
        Upsample(smooth, output, coarseGrid, 1, 4, accumulate: false);             // smooth = up4(project(coarse))
        Convolution("_fine1", input, rough, Padded, Relu);
        Convolution("_fine2", rough, output, Padded, ConvolutionFlags.Accumulate); // + fine2(relu(fine1(input)))
    }

    // unet16: Kaneda et al.'s reference U-Net with one pooling level.
    private void RecordUNet16(GpuBuffer input, GpuBuffer output)
    {
        var coarseGrid = Padded.Coarsened(2);
        var fineA = Activation("fineA", 16, Padded);
        var fineB = Activation("fineB", 16, Padded);
        var coarseIn = Activation("coarseIn", 16, coarseGrid);
        var coarseA = Activation("coarseA", 16, coarseGrid);
        var coarseB = Activation("coarseB", 16, coarseGrid);

        Convolution("_lift", input, fineA, Padded, Relu);                // fine = relu(lift(input))
        Convolution("_fine1", fineA, fineB, Padded, ResidualRelu);       // fine += relu(fine1(fine))
        AveragePool(fineB, coarseIn, coarseGrid, 16, 2);
        Convolution("_coarse1", coarseIn, coarseA, coarseGrid, Relu);    // coarse = relu(coarse1(pool2(fine)))
        Convolution("_coarse2", coarseA, coarseB, coarseGrid, ResidualRelu);
        Convolution("_coarse3", coarseB, coarseA, coarseGrid, ResidualRelu);
        Upsample(coarseA, fineB, coarseGrid, 16, 2, accumulate: true);   // merged = fine + up2(coarse)
        Convolution("_fine2", fineB, fineA, Padded, ResidualRelu);       // merged += relu(fine2(merged))
        Convolution("_project", fineA, output, Padded, ConvolutionFlags.None);
    }
}
