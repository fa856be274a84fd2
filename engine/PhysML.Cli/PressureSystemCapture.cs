using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fluids;
using PhysML.Fluids.ThreeD;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Cli;

/// <summary>
/// A real pressure system for <c>physml bench solvers</c>: a scene with a 3D fluidDomain, its domain resized to n³
/// cells over the same extent, run <see cref="Frames"/> frames so the flow has developed, and the last system its
/// projection solved (operator and right-hand side) kept.
/// </summary>
internal static class PressureSystemCapture
{
    private static readonly QueryDescription Domains = new QueryDescription().WithAll<FluidDomain>();
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<FluidSimulation3D>();

    /// <summary>Frames run before the system is taken: enough for the emitter and buoyancy to drive a flow.</summary>
    public const int Frames = 3;

    /// <summary>A = the 7-point operator (static obstacles: it does not change once built), b = its right-hand side.</summary>
    public sealed record Captured(PressurePoisson3D A, double[] B);

    /// <summary>Loads <paramref name="scene"/> (without running it) and checks it has a 3D fluidDomain.</summary>
    public static void Check(string scene)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(scene);
        using var app = loaded.App;
        Domain(loaded);
    }

    public static Captured Capture(string scene, int n, int threads)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(scene);
        using var app = loaded.App; // releases the GPU device, if the scene's pressure solve created one
        app.World.SetResource(new ComputeSettings(threads));
        // The loaded component is a value in the world; replacing it before Startup is the whole resize (the fluid
        // plugin builds its grid, obstacles and solver from it at Startup). The extent along x is kept (1 m for
        // smoke-obstacle-3d, so cellSize = 1/n), so obstacles and emitters stay where the scene put them.
        ref var domain = ref app.World.Get<FluidDomain>(Domain(loaded));
        // The scene's own solves use multigrid whatever it asks: MIC(0)'s sequential sweeps would make capturing a
        // 256³ system take longer than the benchmark. The flow differs only within the solve tolerance.
        domain = domain with
        {
            Nx = n, Ny = n, Nz = n, CellSize = domain.Nx * domain.CellSize / n,
            PressurePreconditioner = PressurePreconditioner.Multigrid, PressureBackend = PressureBackend.Cpu,
        };
        var runner = new SceneRunner(loaded, new RunOptions { Frames = 0 });
        var simulation = app.World.Get<FluidSimulation3D>(app.World.GetEntities(Simulations)[0]);
        PressurePoisson3D? a = null;
        var b = new double[n * n * n];
        simulation.OnPressureSolved = (op, rhs, _, _) =>
        {
            a = op;
            rhs.CopyTo(b);
        };
        for (var f = 0; f < Frames; f++) runner.App.RunFrame(loaded.File.Time.StepsPerFrame);
        simulation.OnPressureSolved = null;
        return new Captured(a!, b);
    }

    private static Entity Domain(LoadedScene loaded)
    {
        var world = loaded.App.World;
        var domains = world.GetEntities(Domains);
        if (domains.Count == 0 || !world.Get<FluidDomain>(domains[0]).Is3D)
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput,
                $"{loaded.Path} has no 3D fluidDomain (nz >= 2): bench solvers times the 3D fluid's pressure system " +
                "(default scenes/smoke-obstacle-3d.scene.json)");
        return domains[0];
    }
}
