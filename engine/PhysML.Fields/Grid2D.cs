namespace PhysML.Fields;

/// <summary>
/// A uniform cell-centred 2D grid on [0, Width] × [0, Height] (metres). Values are stored row-major with x fastest,
/// i.e. index = j·Nx + i, which is C order for shape [Ny, Nx].
/// </summary>
public readonly record struct Grid2D(int Nx, int Ny, double Width, double Height)
{
    public double Dx => Width / Nx;
    public double Dy => Height / Ny;
    public int CellCount => Nx * Ny;

    public int Index(int i, int j) => j * Nx + i;

    public double CenterX(int i) => (i + 0.5) * Dx;
    public double CenterY(int j) => (j + 0.5) * Dy;

    /// <summary>Shape in C order, as .npy files and the field catalog write it.</summary>
    public int[] Shape => new[] { Ny, Nx };
}
