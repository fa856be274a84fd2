using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids;

/// <summary>The 3D path of the fluid plugin: a <see cref="FluidDomain"/> with <c>nz</c> ≥ 2, sphere, box and SDF
/// obstacles (static or moving), smoke emitters as balls. Fields have shape [nz, ny, nx]; metrics use the 2D names.</summary>
public sealed partial class FluidPlugin
{
    private static readonly QueryDescription Simulations3D = new QueryDescription().WithAll<FluidSimulation3D>();
    private static readonly QueryDescription Spheres = new QueryDescription().WithAll<SphereObstacle>();

    private static void Setup3D(World world, Entity entity, FluidDomain domain)
    {
        var grid = domain.Grid3D;
        var options = domain.PressureSolverOptions with { RecordHistory = false };
        var solver = domain.CustomPreconditioner is { } custom
            ? PressureSolverChoice.Custom(world, entity, custom, options)
            : PressureSolverChoice.Create(world, domain, options);
        var shapes = ObstacleShapes(world, domain);
        RequireClearInflows(entity, domain, shapes);
        var obstacles = new ObstacleSet3D(shapes);
        var simulation = new FluidSimulation3D(grid, domain.Boundary3D, new CellKind[grid.CellCount], domain.Buoyancy,
            domain.Advection, domain.PressureTolerance, domain.PressureMaxIterations, domain.PressurePreconditioner,
            domain.MaxCfl, domain.MaxSubsteps, world.Resource<ComputeSettings>().ParallelOptions, solver, obstacles)
        {
            BodyForce = (domain.BodyForceX, domain.BodyForceY, domain.BodyForceZ),
            VorticityConfinement = domain.VorticityConfinement,
            Viscosity = domain.KinematicViscosity,
            ViscosityTolerance = domain.ViscosityTolerance,
            ViscosityMaxIterations = domain.PressureMaxIterations,
        };
        world.Add(entity, simulation);
        AddObstacleMasks(world, domain);
        RegisterFields3D(world.Resource<FieldCatalog>(), simulation, domain.Density);
    }

    private static void RegisterFields3D(FieldCatalog catalog, FluidSimulation3D simulation, double density)
    {
        var grid = simulation.Grid;
        var spacing = new[] { grid.CellSize, grid.CellSize, grid.CellSize };
        void Cells(string name, string unit, Func<ReadOnlyMemory<double>> read) =>
            catalog.Register(new FieldView(name, unit, grid.CellShape, read) { Spacing = spacing });
        Cells("density", "1", () => simulation.Density);
        Cells("temperature", "K", () => simulation.Temperature);
        var pressure = new double[grid.CellCount];
        Cells("pressure", "Pa", () => { simulation.Pressure(pressure, density); return pressure; });
        var speed = new double[grid.CellCount];
        Cells("speed", "m/s", () => { FluidDiagnostics3D.Speed(simulation.Velocity, speed); return speed; });
        // Read each time: moving obstacles change the cells every substep.
        var solid = new double[grid.CellCount];
        Cells("solid", "1", () =>
        {
            for (var n = 0; n < solid.Length; n++) solid[n] = simulation.Cells[n] == CellKind.Solid ? 1 : 0;
            return solid;
        });
        catalog.Register(new FieldView("u", "m/s", grid.UShape, () => simulation.Velocity.U) { Spacing = spacing, Offset = new[] { 0.5, 0.5, 0.0 } });
        catalog.Register(new FieldView("v", "m/s", grid.VShape, () => simulation.Velocity.V) { Spacing = spacing, Offset = new[] { 0.5, 0.0, 0.5 } });
        catalog.Register(new FieldView("w", "m/s", grid.WShape, () => simulation.Velocity.W) { Spacing = spacing, Offset = new[] { 0.0, 0.5, 0.5 } });
    }

    private static void Step3D(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        var emitters = new List<SmokeEmitter3D>();
        foreach (var chunk in world.GetChunks(Emitters))
            foreach (var e in chunk.GetSpan<SmokeEmitter>())
                emitters.Add(new SmokeEmitter3D
                {
                    X = e.X, Y = e.Y, Z = e.Z, Radius = e.Radius, DensityRate = e.DensityRate, Temperature = e.Temperature, VelocityY = e.VelocityY,
                });
        var fans = new List<Fan>();
        foreach (var chunk in world.GetChunks(FanQuery)) fans.AddRange(chunk.GetSpan<Fan>().ToArray());
        var forces = world.HasResource<FluidExtensions>() ? world.Resource<FluidExtensions>().Forces3D : null;
        foreach (var entity in world.GetEntities(Simulations3D))
        {
            var simulation = world.Get<FluidSimulation3D>(entity);
            var domain = world.Get<FluidDomain>(entity);
            var report = simulation.Step(time.FixedDelta, emitters, fans, forces);
            const string hint = "Lower time.dt or raise maxSubsteps (CFL), check emitter speeds and buoyancy.";
            var g = simulation.Grid;
            NonFiniteGuard.Check("u", simulation.Velocity.U, g.UShape, time.FixedStep, hint);
            NonFiniteGuard.Check("v", simulation.Velocity.V, g.VShape, time.FixedStep, hint);
            NonFiniteGuard.Check("w", simulation.Velocity.W, g.WShape, time.FixedStep, hint);
            NonFiniteGuard.Check("density", simulation.Density, g.CellShape, time.FixedStep, hint);
            HandleNonConvergence(report, domain, metrics, "the 3D pressure projection");
            if (report.LastPressureSolve is { } solve && world.HasResource<ResidualHistory>())
                world.Resource<ResidualHistory>().Record(solve.ResidualHistory);
            RecordStep(metrics, report, FluidDiagnostics3D.MaxFaceSpeed(simulation.Velocity), g.CellSize,
                FluidDiagnostics3D.KineticEnergy(simulation.Velocity, simulation.Cells, domain.Density),
                simulation.Density.Sum() * g.CellSize * g.CellSize * g.CellSize);
            RecordViscosity(metrics, report, simulation.Viscosity);
            RecordForces3D(world, simulation, domain, metrics);
        }
    }

    // As in 2D (drag along +x, lift along +y) plus the side force along +z, in N; the coefficients divide by
    // ½ρU²·L², the reference length squared standing for the reference area (L = D·√π/2 gives a sphere's πD²/4).
    private static void RecordForces3D(World world, FluidSimulation3D simulation, FluidDomain domain, FrameMetrics metrics)
    {
        var masks = world.GetEntities(ReportedMasks);
        if (masks.Count == 0) return;
        var pressure = new double[simulation.Grid.CellCount];
        simulation.Pressure(pressure, domain.Density);
        foreach (var entity in masks)
        {
            var mask = world.Get<ObstacleMask>(entity);
            var reference = world.Get<ForceReport>(entity);
            var (fx, fy, fz) = ObstacleForces3D.Compute(simulation, mask.CellsAt(simulation.Time), pressure,
                domain.Density * domain.KinematicViscosity);
            var dynamic = 0.5 * domain.Density * reference.ReferenceSpeed * reference.ReferenceSpeed
                          * reference.ReferenceLength * reference.ReferenceLength;
            metrics.Set($"forces.{mask.Name}.drag", fx);
            metrics.Set($"forces.{mask.Name}.lift", fy);
            metrics.Set($"forces.{mask.Name}.side", fz);
            metrics.Set($"forces.{mask.Name}.cd", fx / dynamic);
            metrics.Set($"forces.{mask.Name}.cl", fy / dynamic);
            metrics.Set($"forces.{mask.Name}.cs", fz / dynamic);
        }
    }
}
