namespace PhysML.Fields.Mac;

/// <summary>How fields are carried by the flow.</summary>
public enum AdvectionScheme
{
    /// <summary>Semi-Lagrangian (Stam 1999): trace back, interpolate. Unconditionally stable, first-order, diffusive.</summary>
    SemiLagrangian,
    /// <summary>MacCormack with Selle et al.'s (2008) limiter: second order where smooth, clamped to the
    /// interpolation stencil's range (reverting to semi-Lagrangian) where it would overshoot.</summary>
    MacCormack,
}
