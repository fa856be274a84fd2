namespace PhysML.Solvers;

/// <summary>
/// The cell layout of a 7-point (3D) or 5-point (2D, <see cref="Nz"/> = 1) stencil: cells are numbered
/// i + Nx·(j + Ny·k), and a periodic axis wraps its last cell onto its first.
/// </summary>
public readonly record struct StencilShape(int Nx, int Ny, int Nz, bool PeriodicX, bool PeriodicY, bool PeriodicZ)
{
    public int CellCount => Nx * Ny * Nz;

    /// <summary>Rows of <see cref="Nx"/> cells: the unit of parallel work (a row is written by one thread).</summary>
    public int RowCount => Ny * Nz;

    public override string ToString() => Nz == 1 ? $"{Nx}×{Ny}" : $"{Nx}×{Ny}×{Nz}";
}
