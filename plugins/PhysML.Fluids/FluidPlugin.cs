using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>
/// 2D incompressible flow and smoke on a MAC grid (scene name <c>fluid</c>). Components: <see cref="FluidDomain"/>
/// (one per scene), <see cref="SmokeEmitter"/>, <see cref="BoxObstacle"/>, <see cref="DiskObstacle"/>.
/// Fields: density, temperature (K), pressure (Pa), speed (m/s), vorticity (1/s), u and v (face velocities, m/s),
/// solid (1 in obstacle cells). Metrics per frame: fluid.max_divergence (1/s, after projection),
/// fluid.relative_divergence (max |div u|·h / max |u|), fluid.kinetic_energy (J/m), fluid.scalar_mass, fluid.cfl,
/// fluid.substeps, solve.iterations and solve.residual (pressure), viscosity.iterations, and for a Taylor–Green
/// vortex fluid.taylor_green_rel_l2.
/// </summary>
public sealed partial class FluidPlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<FluidSimulation2D>();
    private static readonly QueryDescription Emitters = new QueryDescription().WithAll<SmokeEmitter>();
    private static readonly QueryDescription FanQuery = new QueryDescription().WithAll<Fan>();
    private static readonly QueryDescription Boxes = new QueryDescription().WithAll<BoxObstacle>();
    private static readonly QueryDescription Disks = new QueryDescription().WithAll<DiskObstacle>();
    private static readonly QueryDescription Sdfs = new QueryDescription().WithAll<SdfObstacle>();
    private static readonly QueryDescription Reported = new QueryDescription().WithAll<ForceReport>();
    private static readonly QueryDescription ReportedMasks = new QueryDescription().WithAll<ForceReport, ObstacleMask>();

    public string Name => "fluid";

    public void Build(App app)
    {
        app.RegisterComponent<FluidDomain>("fluidDomain");
        app.RegisterComponent<SmokeEmitter>("smokeEmitter");
        app.RegisterComponent<BoxObstacle>("boxObstacle");
        app.RegisterComponent<DiskObstacle>("diskObstacle");
        app.RegisterComponent<SdfObstacle>("sdfObstacle");
        app.RegisterComponent<ForceReport>("forceReport");
        app.RegisterComponent<Fan>("fan");
        app.RegisterComponent<ThreeD.SphereObstacle>("sphereObstacle");
        app.World.SetResource(PressureControlsFor());
        app.AddSystem(Stage.Startup, "fluid.setup", Setup);
        // The viewer's keys become PressureControls requests first, so one mechanism applies them and timeline events.
        app.AddSystem(Stage.PreUpdate, "fluid.runtime-controls", RuntimePressureSwitches.Translate);
        app.AddSystem(Stage.PreUpdate, "fluid.pressure-controls", ApplyPressureControls);
        app.AddSystem(Stage.PreUpdate, "fluid.runtime-status", RuntimePressureSwitches.Publish);
        app.AddSystem(Stage.FixedUpdate, "fluid.step", Step);
        app.AddSystem(Stage.FixedUpdate, "fluid.step3d", Step3D);
        app.AddSystem(Stage.PostUpdate, "fluid.learned-pressure", LearnedPressureFrame);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<FluidDomain>("fluidDomain") is not { } entity) return;
        var domain = world.Get<FluidDomain>(entity);
        if (domain.Is3D)
        {
            Setup3D(world, entity, domain);
            return;
        }
        foreach (var fanEntity in world.GetEntities(FanQuery))
        {
            var fan = world.Get<Fan>(fanEntity);
            if (fan.Z != 0 || fan.AccelerationZ != 0)
                throw new ComponentValueException(fanEntity, fan.Z != 0 ? "fan.z" : "fan.accelerationZ",
                    "z and accelerationZ are for 3D domains (nz >= 2); this fluidDomain is 2D");
        }
        var shapes = ObstacleShapes(world, domain);
        RequireClearInflows(entity, domain, shapes);
        var obstacles = new ObstacleSet2D(shapes);
        var solver = domain.CustomPreconditioner is { } custom
            ? PressureSolverChoice.Custom(world, entity, custom, domain.PressureSolverOptions)
            : PressureSolverChoice.Create(world, domain, domain.PressureSolverOptions);
        var simulation = new FluidSimulation2D(domain, obstacles, world.Resource<ComputeSettings>().ParallelOptions, solver);
        world.Add(entity, simulation);
        AddObstacleMasks(world, domain);
        RegisterFields(world.Resource<FieldCatalog>(), simulation);
    }

    private static void AddObstacleMasks(World world, FluidDomain domain)
    {
        foreach (var entity in world.GetEntities(Reported))
        {
            var is3D = domain.Is3D;
            var shape = world.TryGet<BoxObstacle>(entity, out var box) ? (is3D ? ObstacleShape.From3D(box) : ObstacleShape.From(box))
                : !is3D && world.TryGet<DiskObstacle>(entity, out var disk) ? ObstacleShape.From(disk)
                : is3D && world.TryGet<ThreeD.SphereObstacle>(entity, out var sphere) ? ObstacleShape.From(sphere)
                : world.TryGet<SdfObstacle>(entity, out var sdf) ? (is3D ? ObstacleShape.From3D(sdf) : ObstacleShape.From(sdf))
                : throw new ComponentValueException(entity, "forceReport",
                    $"entity {Describe(world, entity)} has a forceReport but no " +
                    (is3D ? "boxObstacle, sphereObstacle or sdfObstacle" : "boxObstacle, diskObstacle or sdfObstacle"));
            var name = world.TryGet<Name>(entity, out var n) ? n.Value : $"entity{entity.Id}";
            world.Add(entity, is3D ? new ObstacleMask(shape, domain.Grid3D, name) : new ObstacleMask(shape, domain.Grid, name));
        }
    }

    private static string Describe(World world, Entity entity) =>
        world.TryGet<Name>(entity, out var n) ? $"'{n.Value}'" : entity.ToString();

    private static void RegisterFields(FieldCatalog catalog, FluidSimulation2D simulation)
    {
        var grid = simulation.Grid;
        var shape = grid.CellShape;
        var spacing = new[] { grid.CellSize, grid.CellSize };
        void Cells(string name, string unit, Func<ReadOnlyMemory<double>> read) =>
            catalog.Register(new FieldView(name, unit, shape, read) { Spacing = spacing });
        Cells("density", "1", () => simulation.Density);
        Cells("temperature", "K", () => simulation.Temperature);
        var pressure = new double[grid.CellCount];
        Cells("pressure", "Pa", () => { simulation.Pressure(pressure); return pressure; });
        var speed = new double[grid.CellCount];
        Cells("speed", "m/s", () => { FluidDiagnostics2D.Speed(simulation.Velocity, speed); return speed; });
        var vorticity = new double[grid.CellCount];
        Cells("vorticity", "1/s", () => { FluidDiagnostics2D.Vorticity(simulation.Velocity, vorticity); return vorticity; });
        // Read each time: moving obstacles change the cells every substep.
        var solid = new double[grid.CellCount];
        Cells("solid", "1", () =>
        {
            for (var k = 0; k < solid.Length; k++) solid[k] = simulation.Cells[k] == CellKind.Solid ? 1 : 0;
            return solid;
        });
        // Face arrays: u sits on x = i·h (offset 0 along x), v on y = j·h.
        catalog.Register(new FieldView("u", "m/s", grid.UShape, () => simulation.Velocity.U) { Spacing = spacing, Offset = new[] { 0.5, 0.0 } });
        catalog.Register(new FieldView("v", "m/s", grid.VShape, () => simulation.Velocity.V) { Spacing = spacing, Offset = new[] { 0.0, 0.5 } });
    }

    // Between frames: a learned pressure solver adopts what online training validated, and reports its figures.
    private static void LearnedPressureFrame(World world)
    {
        if (world.HasResource<LearnedPressureStatus>())
            world.Resource<LearnedPressureStatus>().AtFrameBoundary(world.Resource<Time>().Frame, world.Resource<FrameMetrics>());
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        var emitters = new List<SmokeEmitter>();
        foreach (var chunk in world.GetChunks(Emitters)) emitters.AddRange(chunk.GetSpan<SmokeEmitter>().ToArray());
        var fans = new List<Fan>();
        foreach (var chunk in world.GetChunks(FanQuery)) fans.AddRange(chunk.GetSpan<Fan>().ToArray());
        var forces = world.HasResource<FluidExtensions>() ? world.Resource<FluidExtensions>().Forces : null;
        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<FluidSimulation2D>())
            {
                var report = simulation.Step(time.FixedDelta, emitters, fans, forces);
                const string hint = "Lower time.dt or raise maxSubsteps (CFL), check emitter speeds and forces.";
                NonFiniteGuard.Check("u", simulation.Velocity.U, simulation.Grid.UShape, time.FixedStep, hint);
                NonFiniteGuard.Check("v", simulation.Velocity.V, simulation.Grid.VShape, time.FixedStep, hint);
                NonFiniteGuard.Check("density", simulation.Density, simulation.Grid.CellShape, time.FixedStep, hint);
                HandleNonConvergence(report, simulation.Domain, metrics, "the pressure projection");
                if (report.LastPressureSolve is { } solve && world.HasResource<ResidualHistory>())
                    world.Resource<ResidualHistory>().Record(solve.ResidualHistory);
                Record(simulation, report, metrics);
                RecordForces(world, simulation, metrics);
            }
        }
    }

    private static void RecordForces(World world, FluidSimulation2D simulation, FrameMetrics metrics)
    {
        var masks = world.GetEntities(ReportedMasks);
        if (masks.Count == 0) return;
        var pressure = new double[simulation.Grid.CellCount];
        simulation.Pressure(pressure);
        foreach (var entity in masks)
        {
            var mask = world.Get<ObstacleMask>(entity);
            var reference = world.Get<ForceReport>(entity);
            var (fx, fy) = ObstacleForces2D.Compute(simulation, mask.CellsAt(simulation.Time), pressure);
            var dynamic = 0.5 * simulation.Domain.Density * reference.ReferenceSpeed * reference.ReferenceSpeed * reference.ReferenceLength;
            metrics.Set($"forces.{mask.Name}.drag", fx);
            metrics.Set($"forces.{mask.Name}.lift", fy);
            metrics.Set($"forces.{mask.Name}.cd", fx / dynamic);
            metrics.Set($"forces.{mask.Name}.cl", fy / dynamic);
        }
    }

    private static void Record(FluidSimulation2D simulation, FluidStepReport report, FrameMetrics metrics)
    {
        var g = simulation.Grid;
        RecordStep(metrics, report, FluidDiagnostics2D.MaxFaceSpeed(simulation.Velocity), g.CellSize,
            FluidDiagnostics2D.KineticEnergy(simulation.Velocity, simulation.Cells, simulation.Domain.Density),
            simulation.Density.Sum() * g.CellSize * g.CellSize);
        RecordViscosity(metrics, report, simulation.Domain.KinematicViscosity);
        var d = simulation.Domain;
        if (d.Initial.Kind == InitialFlowKind.TaylorGreen && d.BodyForceX == 0 && d.BodyForceY == 0 && d.VorticityConfinement == 0)
            metrics.Set("fluid.taylor_green_rel_l2", TaylorGreenVortex.RelativeError(simulation.Velocity, d.Initial.Speed, d.KinematicViscosity, simulation.Time));
    }

    /// <summary>The metrics every fluid step reports, 2D or 3D (figures per frame: maxima and sums over its steps).</summary>
    private static void RecordStep(FrameMetrics metrics, FluidStepReport report, double maxSpeed, double cellSize,
        double kineticEnergy, double scalarMass)
    {
        metrics.Set("fluid.max_divergence", report.MaxDivergence);
        metrics.Set("fluid.relative_divergence", maxSpeed > 0 ? report.MaxDivergence * cellSize / maxSpeed : 0);
        metrics.Set("fluid.kinetic_energy", kineticEnergy);
        metrics.Set("fluid.scalar_mass", scalarMass);
        metrics.Set("fluid.cfl", Math.Max(report.Cfl, metrics.TryGet("fluid.cfl", out var c) ? c : 0));
        metrics.Add("fluid.substeps", report.Substeps);
        metrics.Add("solve.iterations", report.PressureIterations);
        metrics.Set("solve.residual", Math.Max(report.PressureResidual, metrics.TryGet("solve.residual", out var r) ? r : 0));
        // Wall-time keys end in _ms, like step_ms: they are the only figures that differ between identical runs.
        metrics.Add("fluid.advect_ms", report.AdvectMs);
        metrics.Add("fluid.forces_ms", report.ForcesMs);
        metrics.Add("fluid.project_ms", report.ProjectMs);
    }

    /// <summary>The viscosity solve's figures, 2D or 3D: iterations only when there is a viscosity to solve for.</summary>
    private static void RecordViscosity(FrameMetrics metrics, FluidStepReport report, double viscosity)
    {
        if (viscosity > 0) metrics.Add("viscosity.iterations", report.ViscosityIterations);
        metrics.Add("fluid.viscosity_ms", report.ViscosityMs);
    }

    /// <summary>A pressure solve that missed its tolerance stops the run (PML0201) or, when the scene allows it, is counted.</summary>
    private static void HandleNonConvergence(FluidStepReport report, FluidDomain domain, FrameMetrics metrics, string what)
    {
        if (report.PressureConverged) return;
        if (domain.FailOnSolverNonConvergence) report.LastPressureSolve!.EnsureConverged(what);
        metrics.Add("solve.not_converged", 1);
    }
}
