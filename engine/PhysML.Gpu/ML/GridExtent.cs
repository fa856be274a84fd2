namespace PhysML.Gpu.ML;

/// <summary>A grid the network works on, Nz = 1 in 2D; activations are [channels, Nz, Ny, Nx].</summary>
internal readonly record struct GridExtent(int Nx, int Ny, int Nz)
{
    public int CellCount => Nx * Ny * Nz;

    /// <summary>This grid coarsened by <paramref name="factor"/> along x and y, and along z in 3D.</summary>
    public GridExtent Coarsened(int factor) => new(Nx / factor, Ny / factor, Nz == 1 ? 1 : Nz / factor);

    /// <summary>Every axis rounded up to a multiple of <paramref name="multiple"/> (z only in 3D).</summary>
    public GridExtent PaddedTo(int multiple) => new(RoundUp(Nx, multiple), RoundUp(Ny, multiple), Nz == 1 ? 1 : RoundUp(Nz, multiple));

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;

    public override string ToString() => Nz == 1 ? $"{Nx}×{Ny}" : $"{Nx}×{Ny}×{Nz}";
}
