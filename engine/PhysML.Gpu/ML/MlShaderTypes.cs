using System.Runtime.InteropServices;

namespace PhysML.Gpu.ML;

// The host side of the push constants of shaders/ml/*.comp; field order and sizes must match the GLSL blocks exactly
// (all 32-bit scalars, so std430 packs them back to back).

/// <summary>ml_rms_scale.comp: partial sums to add, and the unknowns the mean square is over.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RmsScalePush(uint PartialCount, uint UnknownCount);

/// <summary>ml_input.comp and ml_mask_crop.comp: the grid (n) and the padded grid (p).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PaddingPush(uint Nx, uint Ny, uint Nz, uint Px, uint Py, uint Pz);

/// <summary>ml_convolution.comp: the grid, channels in and out, taps along z (1 in 2D, 3 in 3D), flags.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ConvolutionPush(uint Nx, uint Ny, uint Nz, uint InputChannels, uint OutputChannels,
    uint TapsZ, ConvolutionFlags Flags);

/// <summary>What ml_convolution.comp does besides the convolution and bias.</summary>
[Flags]
internal enum ConvolutionFlags : uint
{
    None = 0,
    Relu = 1,

    /// <summary>A residual block: out = in + conv(in) (channel for channel, so cin = cout).</summary>
    AddInput = 2,

    /// <summary>out += conv(in).</summary>
    Accumulate = 4,
}

/// <summary>ml_average_pool.comp and ml_upsample.comp: the coarse grid, channels, the factor in x/y and in z.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ResamplePush(uint Mx, uint My, uint Mz, uint Channels, uint Factor, uint FactorZ, uint Accumulate);
