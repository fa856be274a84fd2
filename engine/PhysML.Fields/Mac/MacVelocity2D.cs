namespace PhysML.Fields.Mac;

/// <summary>The staggered velocity of a <see cref="MacGrid2D"/>: u on vertical faces, v on horizontal faces (m/s).</summary>
public sealed class MacVelocity2D
{
    public MacVelocity2D(MacGrid2D grid)
    {
        Grid = grid;
        U = new double[grid.UCount];
        V = new double[grid.VCount];
    }

    public MacGrid2D Grid { get; }
    public double[] U { get; }
    public double[] V { get; }

    public void CopyFrom(MacVelocity2D other)
    {
        other.U.CopyTo(U, 0);
        other.V.CopyTo(V, 0);
    }

    /// <summary>Discrete divergence of cell (i, j), 1/s: (u_{i+1} − u_i + v_{j+1} − v_j) / h.</summary>
    public double Divergence(int i, int j)
    {
        var g = Grid;
        return (U[g.U(i + 1, j)] - U[g.U(i, j)] + V[g.V(i, j + 1)] - V[g.V(i, j)]) / g.CellSize;
    }

    /// <summary>Velocity interpolated to the centre of cell (i, j).</summary>
    public (double U, double V) AtCellCentre(int i, int j)
    {
        var g = Grid;
        return (0.5 * (U[g.U(i, j)] + U[g.U(i + 1, j)]), 0.5 * (V[g.V(i, j)] + V[g.V(i, j + 1)]));
    }
}
