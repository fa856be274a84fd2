using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Heat;

/// <summary>
/// The exact solution for a sine-mode initial condition on a plate with T = 0 on every edge and no sources:
/// T(x, y, t) = A·sin(kx·x)·sin(ky·y)·exp(−(kx² + ky²)·α·t), kx = mπ/W, ky = nπ/H.
/// </summary>
public static class HeatAnalytic
{
    /// <summary>True when the plate's set-up has this closed form.</summary>
    public static bool Applies(in HeatPlate plate, bool hasSources)
    {
        var b = plate.Boundary;
        bool ZeroWall(EdgeCondition e) => e.Kind == BoundaryKind.Dirichlet && e.Value == 0;
        return !hasSources && plate.Initial.Kind == InitialKind.SineMode && plate.Initial.Value == 0 &&
               ZeroWall(b.Left) && ZeroWall(b.Right) && ZeroWall(b.Bottom) && ZeroWall(b.Top);
    }

    public static void Evaluate(in HeatPlate plate, double time, Span<double> result)
    {
        var grid = plate.Grid;
        var kx = plate.Initial.ModeX * Math.PI / grid.Width;
        var ky = plate.Initial.ModeY * Math.PI / grid.Height;
        var decay = plate.Initial.Amplitude * Math.Exp(-(kx * kx + ky * ky) * plate.Diffusivity * time);
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                result[grid.Index(i, j)] = decay * Math.Sin(kx * grid.CenterX(i)) * Math.Sin(ky * grid.CenterY(j));
    }

    /// <summary>‖T − T_exact‖₂ / ‖T_exact‖₂ over the cells.</summary>
    public static double RelativeL2Error(in HeatPlate plate, double time, ReadOnlySpan<double> temperature)
    {
        var exact = new double[temperature.Length];
        Evaluate(plate, time, exact);
        return VectorOps.RelativeError(temperature, exact);
    }
}
