namespace PhysML.Fields.Mac3D;

/// <summary>The staggered velocity of a <see cref="MacGrid3D"/>: u, v, w on the x-, y- and z-faces (m/s).</summary>
public sealed class MacVelocity3D
{
    public MacVelocity3D(MacGrid3D grid)
    {
        Grid = grid;
        U = new double[grid.UCount];
        V = new double[grid.VCount];
        W = new double[grid.WCount];
    }

    public MacGrid3D Grid { get; }
    public double[] U { get; }
    public double[] V { get; }
    public double[] W { get; }

    public void CopyFrom(MacVelocity3D other)
    {
        other.U.CopyTo(U, 0);
        other.V.CopyTo(V, 0);
        other.W.CopyTo(W, 0);
    }

    /// <summary>Discrete divergence of cell (i, j, k), 1/s: the net outflow of its six faces divided by h.</summary>
    public double Divergence(int i, int j, int k)
    {
        var g = Grid;
        return (U[g.U(i + 1, j, k)] - U[g.U(i, j, k)]
                + V[g.V(i, j + 1, k)] - V[g.V(i, j, k)]
                + W[g.W(i, j, k + 1)] - W[g.W(i, j, k)]) / g.CellSize;
    }

    /// <summary>Velocity interpolated to the centre of cell (i, j, k).</summary>
    public (double U, double V, double W) AtCellCentre(int i, int j, int k)
    {
        var g = Grid;
        return (0.5 * (U[g.U(i, j, k)] + U[g.U(i + 1, j, k)]),
                0.5 * (V[g.V(i, j, k)] + V[g.V(i, j + 1, k)]),
                0.5 * (W[g.W(i, j, k)] + W[g.W(i, j, k + 1)]));
    }
}
