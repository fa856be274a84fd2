namespace PhysML.Fields.Mac3D;

/// <summary>
/// A 3D staggered (MAC) grid of Nx × Ny × Nz cubic cells of side <see cref="CellSize"/> (m) on
/// [0, Nx·h] × [0, Ny·h] × [0, Nz·h] (Harlow and Welch 1965), the 3D counterpart of
/// <see cref="Mac.MacGrid2D"/>. y is the vertical (gravity) axis, as in 2D. Scalars live at cell centres
/// ((i+½)h, (j+½)h, (k+½)h); u at x-faces (i·h, (j+½)h, (k+½)h), i = 0..Nx; v at y-faces, j = 0..Ny; w at z-faces,
/// k = 0..Nz. Every array is C order with x fastest: shape [layers, rows, columns] = [z, y, x].
/// </summary>
public readonly record struct MacGrid3D(int Nx, int Ny, int Nz, double CellSize)
{
    public double Width => Nx * CellSize;
    public double Height => Ny * CellSize;
    public double Depth => Nz * CellSize;

    public int CellCount => Nx * Ny * Nz;
    public int UCount => (Nx + 1) * Ny * Nz;
    public int VCount => Nx * (Ny + 1) * Nz;
    public int WCount => Nx * Ny * (Nz + 1);

    public int Cell(int i, int j, int k) => (k * Ny + j) * Nx + i;

    /// <summary>Index of the u face on the left (−x) of cell (i, j, k); i = Nx is the right side.</summary>
    public int U(int i, int j, int k) => (k * Ny + j) * (Nx + 1) + i;

    /// <summary>Index of the v face below (−y) cell (i, j, k); j = Ny is the top side.</summary>
    public int V(int i, int j, int k) => (k * (Ny + 1) + j) * Nx + i;

    /// <summary>Index of the w face behind (−z) cell (i, j, k); k = Nz is the front side.</summary>
    public int W(int i, int j, int k) => (k * Ny + j) * Nx + i;

    public int[] CellShape => new[] { Nz, Ny, Nx };
    public int[] UShape => new[] { Nz, Ny, Nx + 1 };
    public int[] VShape => new[] { Nz, Ny + 1, Nx };
    public int[] WShape => new[] { Nz + 1, Ny, Nx };
}
