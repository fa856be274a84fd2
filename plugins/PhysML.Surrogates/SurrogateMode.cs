namespace PhysML.Surrogates;

/// <summary>What the surrogate does with the region it covers.</summary>
public enum SurrogateMode
{
    /// <summary>Predicts beside the solver and reports the error; each window starts from the solver's field.</summary>
    Shadow,

    /// <summary>Advances the region itself: each window starts from the surrogate's own prediction at the end of the
    /// previous one (autoregressive); the solver still runs beside it for the error metric.</summary>
    Replace,
}
