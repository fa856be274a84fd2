using System.Runtime.InteropServices;

namespace PhysML.Gpu.Solvers;

// The host side of the solver shaders' push constants and scalars (shaders/solvers/*.comp); field order and sizes
// must match the GLSL blocks exactly.

/// <summary>The scalars header of shaders/solvers/scalars.glsl (48 bytes; the residual history follows it).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SolverScalars
{
    public float Rz, PAp, Alpha, Beta, Rr, Bb, Tolerance2;
    public uint Iterations, Done, MaxIterations, Reserved0, Reserved1;

    public const int HeaderFloats = 12;
}

/// <summary>Why the GPU stopped iterating (SolverScalars.Done).</summary>
internal enum StopReason : uint
{
    Running = 0,
    Converged = 1,
    NotPositiveDefinite = 2,
    IterationCap = 3,
    NonFinite = 4,
}

/// <summary>What reduce_scalars.comp does with a finished dot product.</summary>
internal enum ReduceMode : uint
{
    PAp = 0,
    Rr = 1,
    Rz = 2,
    InitialRr = 3,
    InitialRz = 4,
}

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct GridPush(uint Nx, uint Ny, uint Nz);

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct CountPush(uint N);

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ReducePush(uint Count, ReduceMode Mode);

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct SmoothPush(uint N, float Omega);

/// <summary>mg_smooth.comp's block: uvec3 n then float omega, which std430 packs at offset 12.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct GridSmoothPush(uint Nx, uint Ny, uint Nz, float Omega);

/// <summary>shaders/solvers/interpolation.glsl's block: fine and coarse sizes, ratios with periodic bits, scale.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct InterpolationPush(
    int FineX, int FineY, int FineZ, int Unused0,
    int CoarseX, int CoarseY, int CoarseZ, int Unused1,
    int RatioX, int RatioY, int RatioZ, int PeriodicBits,
    float Scale);

/// <summary>shaders/solvers/dcdm_state.glsl: the A-orthogonalisation coefficients, the ring's curvatures, q·r.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DcdmState
{
    public float Coefficient0, Coefficient1, Curvature0, Curvature1, Qr, Reserved;
}

/// <summary>dcdm_orthogonalize.comp's block: the cell count and the ring slot the new direction goes to.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct SlotPush(uint N, uint Slot);

/// <summary>What dcdm_reduce.comp does with a finished pair of dot products.</summary>
internal enum DcdmReduceMode : uint
{
    Coefficients = 0,
    Step = 1,
}

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DcdmReducePush(uint Count, DcdmReduceMode Mode, uint Slot);
