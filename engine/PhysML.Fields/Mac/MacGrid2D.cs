namespace PhysML.Fields.Mac;

/// <summary>
/// A 2D staggered (MAC) grid of Nx × Ny square cells of side <see cref="CellSize"/> (m) on [0, Nx·h] × [0, Ny·h]
/// (Harlow and Welch 1965). Scalars (pressure, density, temperature) live at cell centres ((i+½)h, (j+½)h);
/// the x-velocity u at vertical faces (i·h, (j+½)h), i = 0..Nx; the y-velocity v at horizontal faces
/// ((i+½)h, j·h), j = 0..Ny. All arrays are row-major with x fastest (C order, shape [rows, columns]).
/// </summary>
public readonly record struct MacGrid2D(int Nx, int Ny, double CellSize)
{
    public double Width => Nx * CellSize;
    public double Height => Ny * CellSize;

    public int CellCount => Nx * Ny;
    public int UCount => (Nx + 1) * Ny;
    public int VCount => Nx * (Ny + 1);

    public int Cell(int i, int j) => j * Nx + i;

    /// <summary>Index of the u face on the left of cell (i, j); i = Nx is the right wall.</summary>
    public int U(int i, int j) => j * (Nx + 1) + i;

    /// <summary>Index of the v face below cell (i, j); j = Ny is the top wall.</summary>
    public int V(int i, int j) => j * Nx + i;

    public int[] CellShape => new[] { Ny, Nx };
    public int[] UShape => new[] { Ny, Nx + 1 };
    public int[] VShape => new[] { Ny + 1, Nx };
}
