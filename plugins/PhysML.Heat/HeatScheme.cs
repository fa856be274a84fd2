namespace PhysML.Heat;

/// <summary>How the heat equation is stepped in time.</summary>
public enum HeatScheme
{
    /// <summary>Forward Euler: cheap per step, stable only for dt ≤ 1 / (2α(1/dx² + 1/dy²)).</summary>
    Explicit,
    /// <summary>Backward Euler, (I − dt·α·L)Tⁿ⁺¹ = Tⁿ + dt·(α·c + S), solved by conjugate gradient: stable for any dt.</summary>
    Implicit,
}
