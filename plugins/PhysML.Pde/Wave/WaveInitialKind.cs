namespace PhysML.Pde;

/// <summary>The shape of the membrane's initial displacement (it starts at rest).</summary>
public enum WaveInitialKind
{
    /// <summary>u = amplitude·sin(modeX·π·x/W)·sin(modeY·π·y/H): with fixed (Dirichlet 0) edges, a standing wave
    /// u·cos(ωt), ω = c·|k|.</summary>
    SineMode,
    /// <summary>u = amplitude·exp(−r²/(2·radius²)), r the distance to (x, y): a ring that spreads at speed c.</summary>
    GaussianPulse,
}
