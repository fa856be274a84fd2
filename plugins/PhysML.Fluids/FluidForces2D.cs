using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>The body forces and sources of one substep, applied to the face velocities and cell scalars in place.</summary>
internal static class FluidForces2D
{
    /// <summary>Uniform acceleration on every face (boundary faces are reset by the projection).</summary>
    public static void BodyForce(MacVelocity2D velocity, double ax, double ay, double dt)
    {
        if (ax != 0) foreach (ref var u in velocity.U.AsSpan()) u += ax * dt;
        if (ay != 0) foreach (ref var v in velocity.V.AsSpan()) v += ay * dt;
    }

    /// <summary>Each fan's acceleration on the faces whose position lies in its disc.</summary>
    public static void Fans(MacVelocity2D velocity, IReadOnlyList<Fan> fans, double dt)
    {
        if (fans.Count == 0) return;
        var g = velocity.Grid;
        var h = g.CellSize;
        foreach (var fan in fans)
        {
            if (fan.AccelerationX != 0)
                for (var j = 0; j < g.Ny; j++)
                    for (var i = 0; i <= g.Nx; i++)
                        if (fan.Contains(i * h, (j + 0.5) * h)) velocity.U[g.U(i, j)] += fan.AccelerationX * dt;
            if (fan.AccelerationY != 0)
                for (var j = 0; j <= g.Ny; j++)
                    for (var i = 0; i < g.Nx; i++)
                        if (fan.Contains((i + 0.5) * h, j * h)) velocity.V[g.V(i, j)] += fan.AccelerationY * dt;
        }
    }

    /// <summary>Boussinesq buoyancy on the interior v faces, from density and temperature averaged to the face.</summary>
    public static void Buoyancy(MacVelocity2D velocity, ReadOnlySpan<double> density, ReadOnlySpan<double> temperature,
        in Buoyancy buoyancy, double dt)
    {
        if (buoyancy.DensityFactor == 0 && buoyancy.TemperatureFactor == 0) return;
        var g = velocity.Grid;
        for (var j = 1; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                var below = g.Cell(i, j - 1);
                var above = g.Cell(i, j);
                var d = 0.5 * (density[below] + density[above]);
                var t = 0.5 * (temperature[below] + temperature[above]);
                velocity.V[g.V(i, j)] += dt * (-buoyancy.DensityFactor * d + buoyancy.TemperatureFactor * (t - buoyancy.AmbientTemperature));
            }
        }
    }

    /// <summary>
    /// Vorticity confinement (Fedkiw, Stam and Jensen 2001): f = ε·h·(N × ω), N = ∇|ω| / |∇|ω||, which puts back the
    /// small-scale swirl that semi-Lagrangian advection damps. ω and f live at cell centres; faces take the average of
    /// their two cells.
    /// </summary>
    public static void VorticityConfinement(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells, double epsilon, double dt,
        Span<double> vorticity, Span<double> forceX, Span<double> forceY)
    {
        if (epsilon == 0) return;
        var g = velocity.Grid;
        var h = g.CellSize;
        FluidDiagnostics2D.Vorticity(velocity, vorticity);
        for (var j = 0; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                var k = g.Cell(i, j);
                var gx = (Math.Abs(vorticity[g.Cell(Math.Min(i + 1, g.Nx - 1), j)]) - Math.Abs(vorticity[g.Cell(Math.Max(i - 1, 0), j)])) / (2 * h);
                var gy = (Math.Abs(vorticity[g.Cell(i, Math.Min(j + 1, g.Ny - 1))]) - Math.Abs(vorticity[g.Cell(i, Math.Max(j - 1, 0))])) / (2 * h);
                var length = Math.Sqrt(gx * gx + gy * gy) + 1e-20;
                // N × (ω ẑ) = (N_y ω, −N_x ω)
                forceX[k] = epsilon * h * (gy / length) * vorticity[k];
                forceY[k] = -epsilon * h * (gx / length) * vorticity[k];
            }
        }
        for (var j = 0; j < g.Ny; j++)
            for (var i = 1; i < g.Nx; i++)
                if (cells[g.Cell(i - 1, j)] == CellKind.Fluid && cells[g.Cell(i, j)] == CellKind.Fluid)
                    velocity.U[g.U(i, j)] += dt * 0.5 * (forceX[g.Cell(i - 1, j)] + forceX[g.Cell(i, j)]);
        for (var j = 1; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
                if (cells[g.Cell(i, j - 1)] == CellKind.Fluid && cells[g.Cell(i, j)] == CellKind.Fluid)
                    velocity.V[g.V(i, j)] += dt * 0.5 * (forceY[g.Cell(i, j - 1)] + forceY[g.Cell(i, j)]);
    }

    /// <summary>Adds smoke and heat in each emitter's disc, and imposes its jet velocity on the disc's faces.</summary>
    public static void Emit(MacVelocity2D velocity, Span<double> density, Span<double> temperature, IReadOnlyList<SmokeEmitter> emitters, double dt)
    {
        var g = velocity.Grid;
        foreach (var e in emitters)
        {
            var jet = e.VelocityX != 0 || e.VelocityY != 0;
            for (var j = 0; j < g.Ny; j++)
            {
                for (var i = 0; i < g.Nx; i++)
                {
                    var dx = (i + 0.5) * g.CellSize - e.X;
                    var dy = (j + 0.5) * g.CellSize - e.Y;
                    if (dx * dx + dy * dy > e.Radius * e.Radius) continue;
                    var k = g.Cell(i, j);
                    density[k] += e.DensityRate * dt;
                    if (e.Temperature > 0) temperature[k] = Math.Max(temperature[k], e.Temperature);
                    if (!jet) continue;
                    velocity.U[g.U(i, j)] = velocity.U[g.U(i + 1, j)] = e.VelocityX;
                    velocity.V[g.V(i, j)] = velocity.V[g.V(i, j + 1)] = e.VelocityY;
                }
            }
        }
    }
}
