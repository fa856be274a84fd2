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

    /// <summary>Uniform acceleration on every face (boundary and solid faces are reset by the projection).</summary>
    public static void BodyForce(MacVelocity3D velocity, double ax, double ay, double az, double dt)
    {
        if (ax != 0) foreach (ref var u in velocity.U.AsSpan()) u += ax * dt;
        if (ay != 0) foreach (ref var v in velocity.V.AsSpan()) v += ay * dt;
        if (az != 0) foreach (ref var w in velocity.W.AsSpan()) w += az * dt;
    }

    /// <summary>Each fan's acceleration on the faces whose position lies in its ball (<see cref="Fan.Contains3D"/>).</summary>
    public static void Fans(MacVelocity3D velocity, IReadOnlyList<Fan> fans, double dt)
    {
        var g = velocity.Grid;
        var h = g.CellSize;
        foreach (var fan in fans)
        {
            for (var k = 0; k < g.Nz; k++)
                for (var j = 0; j < g.Ny; j++)
                    for (var i = 0; i <= g.Nx; i++)
                        if (fan.AccelerationX != 0 && fan.Contains3D(i * h, (j + 0.5) * h, (k + 0.5) * h)) velocity.U[g.U(i, j, k)] += fan.AccelerationX * dt;
            for (var k = 0; k < g.Nz; k++)
                for (var j = 0; j <= g.Ny; j++)
                    for (var i = 0; i < g.Nx; i++)
                        if (fan.AccelerationY != 0 && fan.Contains3D((i + 0.5) * h, j * h, (k + 0.5) * h)) velocity.V[g.V(i, j, k)] += fan.AccelerationY * dt;
            for (var k = 0; k <= g.Nz; k++)
                for (var j = 0; j < g.Ny; j++)
                    for (var i = 0; i < g.Nx; i++)
                        if (fan.AccelerationZ != 0 && fan.Contains3D((i + 0.5) * h, (j + 0.5) * h, k * h)) velocity.W[g.W(i, j, k)] += fan.AccelerationZ * dt;
        }
    }

    /// <summary>
    /// Vorticity confinement in 3D (Fedkiw, Stam and Jensen 2001, eq. 9–11): f = ε·h·(N × ω), N = ∇|ω| / |∇|ω||, with
    /// ω = ∇ × u at cell centres (<see cref="FluidDiagnostics3D.Vorticity"/>) and the same clamped central differences
    /// as the 2D force, which it equals on a flow that does not vary along z. Faces between two fluid cells take the
    /// average of their cells' force. <paramref name="scratch"/> holds 7 cell arrays.
    /// </summary>
    public static void VorticityConfinement(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, double epsilon, double dt, double[][] scratch)
    {
        if (epsilon == 0) return;
        var g = velocity.Grid;
        var h = g.CellSize;
        var (wx, wy, wz, magnitude, fx, fy, fz) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4], scratch[5], scratch[6]);
        FluidDiagnostics3D.Vorticity(velocity, wx, wy, wz);
        for (var n = 0; n < magnitude.Length; n++) magnitude[n] = Math.Sqrt(wx[n] * wx[n] + wy[n] * wy[n] + wz[n] * wz[n]);
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var c = g.Cell(i, j, k);
                    var gx = (magnitude[g.Cell(Math.Min(i + 1, g.Nx - 1), j, k)] - magnitude[g.Cell(Math.Max(i - 1, 0), j, k)]) / (2 * h);
                    var gy = (magnitude[g.Cell(i, Math.Min(j + 1, g.Ny - 1), k)] - magnitude[g.Cell(i, Math.Max(j - 1, 0), k)]) / (2 * h);
                    var gz = (magnitude[g.Cell(i, j, Math.Min(k + 1, g.Nz - 1))] - magnitude[g.Cell(i, j, Math.Max(k - 1, 0))]) / (2 * h);
                    var length = Math.Sqrt(gx * gx + gy * gy + gz * gz) + 1e-20;
                    var (nx, ny, nz) = (gx / length, gy / length, gz / length);
                    fx[c] = epsilon * h * (ny * wz[c] - nz * wy[c]);
                    fy[c] = epsilon * h * (nz * wx[c] - nx * wz[c]);
                    fz[c] = epsilon * h * (nx * wy[c] - ny * wx[c]);
                }
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 1; i < g.Nx; i++)
                {
                    var (lo, hi) = (g.Cell(i - 1, j, k), g.Cell(i, j, k));
                    if (cells[lo] == CellKind.Fluid && cells[hi] == CellKind.Fluid) velocity.U[g.U(i, j, k)] += dt * 0.5 * (fx[lo] + fx[hi]);
                }
        for (var k = 0; k < g.Nz; k++)
            for (var j = 1; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var (lo, hi) = (g.Cell(i, j - 1, k), g.Cell(i, j, k));
                    if (cells[lo] == CellKind.Fluid && cells[hi] == CellKind.Fluid) velocity.V[g.V(i, j, k)] += dt * 0.5 * (fy[lo] + fy[hi]);
                }
        for (var k = 1; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var (lo, hi) = (g.Cell(i, j, k - 1), g.Cell(i, j, k));
                    if (cells[lo] == CellKind.Fluid && cells[hi] == CellKind.Fluid) velocity.W[g.W(i, j, k)] += dt * 0.5 * (fz[lo] + fz[hi]);
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
