using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Vorticity;

/// <summary>
/// 2D incompressible Navier–Stokes in vorticity form on a periodic square, pseudo-spectral (scene name
/// <c>vorticity</c>). Component: <see cref="VorticityDomain"/> (one per scene); a random initial field is seeded by the
/// <see cref="RandomSeed"/> resource (0 when the app has none). Fields: <c>vorticity</c> (1/s), <c>u</c> and <c>v</c>
/// (m/s), <c>streamfunction</c> (m²/s), all [n, n]. Metrics per frame: <c>vort.energy</c> (½⟨|u|²⟩, m²/s²),
/// <c>vort.enstrophy</c> (½⟨ω²⟩, 1/s²), <c>vort.max_abs</c> (max |ω|, 1/s), <c>vort.cfl</c> (largest substep Courant
/// number), <c>vort.substeps</c> (summed over the frame's fixed steps) and, for an unforced mode,
/// <c>vort.analytic_rel_l2</c>.
/// </summary>
public sealed class VorticityPlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<VorticitySimulation>();

    public string Name => "vorticity";

    public void Build(App app)
    {
        app.RegisterComponent<VorticityDomain>("vorticityDomain");
        app.AddSystem(Stage.Startup, "vorticity.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "vorticity.step", Step);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<VorticityDomain>("vorticityDomain") is not { } entity) return;
        var domain = world.Get<VorticityDomain>(entity);
        // Scene files are validated by the loader; a domain built in code is checked here, before the FFT sees it.
        var errors = domain.Validate().ToList();
        if (errors.Count > 0)
            throw new ComponentValueException(entity, $"vorticityDomain.{errors[0].Field}",
                "invalid vorticityDomain: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        var seed = world.HasResource<RandomSeed>() ? world.Resource<RandomSeed>().Value : 0;
        var simulation = new VorticitySimulation(domain, seed);
        world.Add(entity, simulation);
        var catalog = world.Resource<FieldCatalog>();
        // Collocation points sit at x = i·L/n, y = j·L/n: on the domain's edge, so the offset is 0, not ½.
        var spacing = new[] { domain.Spacing, domain.Spacing };
        var offset = new[] { 0.0, 0.0 };
        FieldView View(string name, string unit, Func<ReadOnlyMemory<double>> read) =>
            new(name, unit, simulation.Shape, read) { Spacing = spacing, Offset = offset };
        catalog.Register(View("vorticity", "1/s", () => simulation.Vorticity));
        catalog.Register(View("u", "m/s", () => simulation.U));
        catalog.Register(View("v", "m/s", () => simulation.V));
        catalog.Register(View("streamfunction", "m²/s", () => simulation.Streamfunction));
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<VorticitySimulation>())
            {
                var report = simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("vorticity", simulation.Vorticity, simulation.Shape, time.FixedStep,
                    "The flow outran the time step: lower vorticityDomain.maxCfl or time.dt, or raise the viscosity.");
                metrics.Add("vort.substeps", report.Substeps);
                metrics.Set("vort.cfl", Math.Max(report.Cfl, metrics.TryGet("vort.cfl", out var worst) ? worst : 0));
                Summarise(simulation, metrics);
            }
        }
    }

    private static void Summarise(VorticitySimulation simulation, FrameMetrics metrics)
    {
        metrics.Set("vort.energy", simulation.Energy);
        metrics.Set("vort.enstrophy", simulation.Enstrophy);
        metrics.Set("vort.max_abs", simulation.MaxAbsVorticity);
        if (VorticityAnalytic.Applies(simulation.Domain))
            metrics.Set("vort.analytic_rel_l2",
                VorticityAnalytic.RelativeL2Error(simulation.Domain, simulation.Time, simulation.Vorticity));
    }
}
