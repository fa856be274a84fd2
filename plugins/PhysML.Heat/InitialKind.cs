namespace PhysML.Heat;

/// <summary>The shape of the initial temperature field.</summary>
public enum InitialKind
{
    /// <summary>T = value everywhere.</summary>
    Uniform,
    /// <summary>T = value + amplitude·sin(modeX·π·x/W)·sin(modeY·π·y/H): an eigenmode with a known decay rate.</summary>
    SineMode,
}
