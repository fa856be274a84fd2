namespace PhysML.Surrogates;

/// <summary>Reads the shadowed solver's (time in s, field) each frame.</summary>
public sealed class SurrogateReference(Func<(double Time, double[] Field)> read)
{
    public (double Time, double[] Field) Read() => read();
}
