using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Pde;

/// <summary>
/// Viscous Burgers' equation on periodic domains (scene name <c>burgers</c>). Components: <see cref="Burgers1D"/> or
/// <see cref="Burgers2D"/> (one of them, once per scene). Fields: 1D <c>u</c> (m/s, [nx]); 2D <c>u</c>, <c>v</c> and
/// <c>speed</c> (m/s, [n, n]). Metrics per frame, after its last fixed step: <c>burgers.momentum</c> (1D, ∫u dx) or
/// <c>burgers.momentum_x</c> and <c>burgers.momentum_y</c> (2D, ∫u dA, ∫v dA), <c>burgers.energy</c> (½∫|u|²),
/// <c>burgers.max_abs</c> (1D) or <c>burgers.max_speed</c> (2D), <c>burgers.courant</c> (the largest of the frame's
/// steps), and for a Cole–Hopf initial condition <c>burgers.analytic_rel_l2</c>.
/// </summary>
public sealed class BurgersPlugin : IPlugin
{
    private static readonly QueryDescription Simulations1D = new QueryDescription().WithAll<Burgers1DSimulation>();
    private static readonly QueryDescription Simulations2D = new QueryDescription().WithAll<Burgers2DSimulation>();

    public string Name => "burgers";

    public void Build(App app)
    {
        app.RegisterComponent<Burgers1D>("burgers1D");
        app.RegisterComponent<Burgers2D>("burgers2D");
        app.AddSystem(Stage.Startup, "burgers.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "burgers.step", Step);
    }

    private static void Setup(World world)
    {
        var one = world.SingleOrNone<Burgers1D>("burgers1D");
        var two = world.SingleOrNone<Burgers2D>("burgers2D");
        // Both would register a field named u; one domain per scene keeps the field names plain.
        if (one is not null && two is not null)
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput,
                "a scene may have a burgers1D or a burgers2D, not both (their fields would share the name u)");
        var dt = world.Resource<Time>().FixedDelta;
        var catalog = world.Resource<FieldCatalog>();
        if (one is { } e1) Setup1D(world, e1, dt, catalog);
        if (two is { } e2) Setup2D(world, e2, dt, catalog);
    }

    private static void Setup1D(World world, Entity entity, double dt, FieldCatalog catalog)
    {
        var domain = world.Get<Burgers1D>(entity);
        ComponentCheck.ThrowIfInvalid(entity, "burgers1D", domain);
        var simulation = new Burgers1DSimulation(domain);
        var maxAbs = simulation.MaxAbs;
        var courant = Burgers1D.Courant(dt, domain.Dx, domain.Viscosity, maxAbs);
        if (courant > 1)
            throw CourantError(entity, "burgers1D", dt, courant, 2 * maxAbs / domain.Dx, 2 * domain.Viscosity / (domain.Dx * domain.Dx),
                "dt·(2·max|u|/dx + 2ν/dx²)");
        world.Add(entity, simulation);
        catalog.Register(new FieldView("u", "m/s", [domain.Nx], () => simulation.U) { Spacing = [domain.Dx] });
    }

    private static void Setup2D(World world, Entity entity, double dt, FieldCatalog catalog)
    {
        var domain = world.Get<Burgers2D>(entity);
        ComponentCheck.ThrowIfInvalid(entity, "burgers2D", domain);
        var simulation = new Burgers2DSimulation(domain);
        var (maxU, maxV) = simulation.MaxAbs;
        var h = domain.Spacing;
        var courant = Burgers2D.Courant(dt, h, domain.Viscosity, maxU, maxV);
        if (courant > 1)
            throw CourantError(entity, "burgers2D", dt, courant, 2 * (maxU + maxV) / h, 4 * domain.Viscosity / (h * h),
                "dt·(2(max|u| + max|v|)/h + 4ν/h²)");
        world.Add(entity, simulation);
        var shape = simulation.Grid.Shape;
        var spacing = new[] { h, h };
        catalog.Register(new FieldView("u", "m/s", shape, () => simulation.U) { Spacing = spacing });
        catalog.Register(new FieldView("v", "m/s", shape, () => simulation.V) { Spacing = spacing });
        catalog.Register(new FieldView("speed", "m/s", shape, () => simulation.Speed) { Spacing = spacing });
    }

    // Names the field whose part of the bound is larger: the initial amplitude (advection) or the viscosity (diffusion).
    private static ComponentValueException CourantError(Entity entity, string component, double dt, double courant,
        double advectionRate, double diffusionRate, string formula)
    {
        var field = advectionRate >= diffusionRate ? $"{component}.initial.amplitude" : $"{component}.viscosity";
        return new ComponentValueException(entity, field,
            $"{component} is unstable with time.dt = {dt:G4} s: the Courant number {formula} is {courant:G4} and must be " +
            $"<= 1 (advection {dt * advectionRate:G4}, diffusion {dt * diffusionRate:G4}), so dt <= {dt / courant:G4} s here. " +
            "Reduce time.dt, use fewer cells, or lower the initial amplitude or the viscosity.");
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        const string hint = "The flow outran the time step: reduce time.dt (the Courant number must stay <= 1) or use " +
                            "a limited reconstruction (vanLeer or minmod) for flows with shocks.";
        foreach (var chunk in world.GetChunks(Simulations1D))
        {
            foreach (var simulation in chunk.GetSpan<Burgers1DSimulation>())
            {
                var courant = simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("u", simulation.U, [simulation.U.Length], time.FixedStep, hint);
                metrics.Set("burgers.momentum", simulation.Momentum);
                metrics.Set("burgers.energy", simulation.Energy);
                metrics.Set("burgers.max_abs", simulation.MaxAbs);
                SetLargest(metrics, "burgers.courant", courant);
                if (simulation.Domain.Initial.IsColeHopf)
                    metrics.Set("burgers.analytic_rel_l2", BurgersAnalytic.RelativeL2Error(simulation.Domain, simulation.Time, simulation.U));
            }
        }
        foreach (var chunk in world.GetChunks(Simulations2D))
        {
            foreach (var simulation in chunk.GetSpan<Burgers2DSimulation>())
            {
                var courant = simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("u", simulation.U, simulation.Grid.Shape, time.FixedStep, hint);
                NonFiniteGuard.Check("v", simulation.V, simulation.Grid.Shape, time.FixedStep, hint);
                var (mx, my) = simulation.Momentum;
                metrics.Set("burgers.momentum_x", mx);
                metrics.Set("burgers.momentum_y", my);
                metrics.Set("burgers.energy", simulation.Energy);
                metrics.Set("burgers.max_speed", simulation.MaxSpeed);
                SetLargest(metrics, "burgers.courant", courant);
                if (simulation.Domain.Initial.IsColeHopf)
                    metrics.Set("burgers.analytic_rel_l2",
                        BurgersAnalytic.RelativeL2Error(simulation.Domain, simulation.Time, simulation.U, simulation.V));
            }
        }
    }

    private static void SetLargest(FrameMetrics metrics, string key, double value) =>
        metrics.Set(key, Math.Max(value, metrics.TryGet(key, out var worst) ? worst : 0));
}
