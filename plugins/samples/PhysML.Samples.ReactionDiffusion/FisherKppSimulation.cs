namespace PhysML.Samples.ReactionDiffusion;

/// <summary>The state of a <see cref="FisherKpp"/> grid (a managed component on its entity) and its forward-Euler
/// step: the five-point Laplacian with periodic wraps, so diffusion alone conserves Σu exactly (to rounding).</summary>
public sealed class FisherKppSimulation
{
    private double[] _u;
    private double[] _next;

    public FisherKppSimulation(FisherKpp settings)
    {
        Settings = settings;
        _u = new double[settings.Nx * settings.Ny];
        _next = new double[_u.Length];
        var (cx, cy) = (0.5 * settings.Nx * settings.CellSize, 0.5 * settings.Ny * settings.CellSize);
        for (var j = 0; j < settings.Ny; j++)
        {
            for (var i = 0; i < settings.Nx; i++)
            {
                var (x, y) = ((i + 0.5) * settings.CellSize - cx, (j + 0.5) * settings.CellSize - cy);
                _u[j * settings.Nx + i] = x * x + y * y < settings.SeedRadius * settings.SeedRadius ? settings.SeedValue : settings.Background;
            }
        }
    }

    public FisherKpp Settings { get; }

    /// <summary>u per cell, row-major [ny, nx].</summary>
    public double[] Population => _u;

    public void Step(double dt)
    {
        var (nx, ny) = (Settings.Nx, Settings.Ny);
        var diffusion = Settings.Diffusivity * dt / (Settings.CellSize * Settings.CellSize);
        var reaction = Settings.Rate * dt;
        for (var j = 0; j < ny; j++)
        {
            var (north, south) = ((j + 1) % ny * nx, (j + ny - 1) % ny * nx);
            for (var i = 0; i < nx; i++)
            {
                var (east, west) = ((i + 1) % nx, (i + nx - 1) % nx);
                var u = _u[j * nx + i];
                var laplacian = _u[j * nx + east] + _u[j * nx + west] + _u[north + i] + _u[south + i] - 4 * u;
                _next[j * nx + i] = u + diffusion * laplacian + reaction * u * (1 - u);
            }
        }
        (_u, _next) = (_next, _u); // double buffer: every cell of a step reads the same old state
    }
}
