using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>
/// The Taylor–Green vortex on a periodic square of side L: u = U sin(kx) cos(ky), v = −U cos(kx) sin(ky),
/// k = 2π/L, an exact solution of the incompressible Navier–Stokes equations that decays as exp(−2νk²t)
/// (advection is balanced by pressure). Used to validate the whole fluid step.
/// </summary>
public static class TaylorGreenVortex
{
    /// <summary>‖u − u_exact‖₂ / ‖u_exact‖₂ over both face arrays at time t.</summary>
    public static double RelativeError(MacVelocity2D velocity, double speed, double viscosity, double time)
    {
        var g = velocity.Grid;
        var k = 2 * Math.PI / g.Width;
        var decay = speed * Math.Exp(-2 * viscosity * k * k * time);
        double diff = 0, norm = 0;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
            {
                var u = decay * Math.Sin(k * i * g.CellSize) * Math.Cos(k * (j + 0.5) * g.CellSize);
                var v = -decay * Math.Cos(k * (i + 0.5) * g.CellSize) * Math.Sin(k * j * g.CellSize);
                diff += Square(velocity.U[g.U(i, j)] - u) + Square(velocity.V[g.V(i, j)] - v);
                norm += u * u + v * v;
            }
        return Math.Sqrt(diff / norm);
    }

    private static double Square(double x) => x * x;
}
