using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// Boussinesq buoyancy on smoke (Fedkiw, Stam and Jensen 2001): an upward acceleration
/// a = −DensityFactor·d + TemperatureFactor·(T − AmbientTemperature), in m/s², on the v faces.
/// </summary>
public readonly record struct Buoyancy : IValidatable
{
    public Buoyancy() { }

    /// <summary>m/s² per unit smoke density; positive makes smoke sink.</summary>
    public double DensityFactor { get; init; }

    /// <summary>m/s² per K above ambient; positive makes hot smoke rise.</summary>
    public double TemperatureFactor { get; init; }

    /// <summary>K.</summary>
    public double AmbientTemperature { get; init; }

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("densityFactor", DensityFactor)
            .Concat(Check.Finite("temperatureFactor", TemperatureFactor))
            .Concat(Check.Finite("ambientTemperature", AmbientTemperature));
}
