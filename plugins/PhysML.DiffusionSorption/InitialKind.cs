namespace PhysML.DiffusionSorption;

/// <summary>The shape of the initial concentration u(x, 0).</summary>
public enum InitialKind
{
    /// <summary>
    /// One value drawn from U(low, high) for the whole rod: what PDEBench's generator does
    /// (<c>u0 = np.ones(Nx) * np.random.uniform(0, 0.2)</c> in sim_diff_sorp.py), and so what its dataset holds.
    /// </summary>
    RandomConstant,
    /// <summary>An independent draw from U(low, high) in every cell (white noise: the paper's "u(0, x) ~ U(0, 0.2)"
    /// read per point).</summary>
    RandomUniform,
    /// <summary>u = value everywhere.</summary>
    Uniform,
}
