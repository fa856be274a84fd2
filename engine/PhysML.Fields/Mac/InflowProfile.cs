namespace PhysML.Fields.Mac;

/// <summary>How an inflow's normal speed varies along its side.</summary>
public enum InflowProfile
{
    /// <summary>The same speed everywhere along the side.</summary>
    Uniform,
    /// <summary>Poiseuille: 1.5 × mean speed × 4s(1 − s) for s ∈ [0, 1] along the side, zero at its ends.</summary>
    Parabolic,
}
