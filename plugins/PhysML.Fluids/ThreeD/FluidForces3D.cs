using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>The body forces and sources of one 3D substep, applied to the face velocities and cell scalars in place.</summary>
internal static class FluidForces3D
{
    /// <summary>Boussinesq buoyancy (<see cref="Fluids.Buoyancy"/>) on the interior v faces, from density and
    /// temperature averaged to the face; y is up.</summary>
    public static void Buoyancy(MacVelocity3D velocity, ReadOnlySpan<double> density, ReadOnlySpan<double> temperature,
        in Buoyancy buoyancy, double dt)
    {
        if (buoyancy.DensityFactor == 0 && buoyancy.TemperatureFactor == 0) return;
        var g = velocity.Grid;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 1; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var below = g.Cell(i, j - 1, k);
                    var above = below + g.Nx;
                    var d = 0.5 * (density[below] + density[above]);
                    var t = 0.5 * (temperature[below] + temperature[above]);
                    velocity.V[g.V(i, j, k)] += dt * (-buoyancy.DensityFactor * d + buoyancy.TemperatureFactor * (t - buoyancy.AmbientTemperature));
                }
    }

    /// <summary>Adds smoke and heat in each emitter's ball (fluid cells only), and imposes its jet on the cells' v faces.</summary>
    public static void Emit(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, Span<double> density, Span<double> temperature,
        IReadOnlyList<SmokeEmitter3D> emitters, double dt)
    {
        var g = velocity.Grid;
        var h = g.CellSize;
        foreach (var e in emitters)
        {
            // Only the cells of the ball's bounding box can have their centre inside.
            var (i0, i1) = Range(e.X, e.Radius, h, g.Nx);
            var (j0, j1) = Range(e.Y, e.Radius, h, g.Ny);
            var (k0, k1) = Range(e.Z, e.Radius, h, g.Nz);
            for (var k = k0; k <= k1; k++)
                for (var j = j0; j <= j1; j++)
                    for (var i = i0; i <= i1; i++)
                    {
                        var c = g.Cell(i, j, k);
                        if (cells[c] != CellKind.Fluid || !e.Contains((i + 0.5) * h, (j + 0.5) * h, (k + 0.5) * h)) continue;
                        density[c] += e.DensityRate * dt;
                        if (e.Temperature > 0) temperature[c] = Math.Max(temperature[c], e.Temperature);
                        if (e.VelocityY != 0) velocity.V[g.V(i, j, k)] = velocity.V[g.V(i, j + 1, k)] = e.VelocityY;
                    }
        }
    }

    private static (int First, int Last) Range(double centre, double radius, double h, int count) =>
        (Math.Clamp((int)Math.Floor((centre - radius) / h), 0, count - 1), Math.Clamp((int)Math.Ceiling((centre + radius) / h), 0, count - 1));
}
