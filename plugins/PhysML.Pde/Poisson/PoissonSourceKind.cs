namespace PhysML.Pde;

/// <summary>The right-hand side f of −∇²u = f.</summary>
public enum PoissonSourceKind
{
    /// <summary>f = amplitude·(kx² + ky²)·sin(kx·x)·sin(ky·y), kx = modeX·π/W, ky = modeY·π/H: with u = 0 on every edge the
    /// exact solution is u = amplitude·sin(kx·x)·sin(ky·y) (a manufactured solution).</summary>
    SineMode,
    /// <summary>f = Σ q·δ(x − x_q): each charge's q spread over the cell that holds it (f = q/(dx·dy) there).</summary>
    PointCharges,
    /// <summary>f = value everywhere.</summary>
    Constant,
}
