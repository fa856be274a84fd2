using System.Diagnostics;

namespace PhysML.Fluids;

/// <summary>Wall time per phase of a fluid step, ms: <see cref="Lap"/> adds the time since the previous lap to one
/// phase. Shared by the 2D and 3D steps.</summary>
internal struct PhaseClock()
{
    private long _last = Stopwatch.GetTimestamp();
    public double Advect, Forces, Viscosity, Project;

    public void Lap(ref double phase)
    {
        var now = Stopwatch.GetTimestamp();
        phase += Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        _last = now;
    }
}
