using PhysML.Core.Checkpoints;
using System.Diagnostics;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers;
using PhysML.Solvers.Diffusion;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>
/// The state and numerics of one 3D smoke domain, the 3D counterpart of <see cref="FluidSimulation2D"/>. A fixed step
/// is split into CFL-limited substeps, each the ordered list of operators:
/// emit → advect (velocity by itself, then density and temperature) → buoyancy, body force, fans, vorticity
/// confinement → implicit viscosity → pressure projection.
/// <para>
/// Obstacles are static or kinematic (<see cref="ObstacleSet3D"/>). Not in 3D (yet): initial flows (set
/// <see cref="Velocity"/> before the first step instead).
/// Every substep's result is independent of the thread count of <c>parallel</c> (bitwise).
/// </para>
/// </summary>
public sealed partial class FluidSimulation3D : ICheckpointable
{
    private readonly Advection3D _advection;
    private readonly PressureProjection3D _projection;
    private readonly MacVelocity3D _velocityBefore;
    private double[] _density;
    private double[] _densityNext;
    private double[] _temperature;
    private double[] _temperatureNext;
    private double _lastSubstepDt = 1;
    private readonly double _confinement;
    private readonly double[][] _confinementScratch = [];
    private readonly ParallelOptions? _parallel;
    private ImplicitViscosity3D? _viscositySolver;
    private readonly ObstacleSet3D? _obstacles;
    private readonly MacVelocity3D _solidVelocity;

    // Face velocities of moving obstacles, or null when every obstacle is static (their faces carry 0).
    private MacVelocity3D? SolidVelocity => _obstacles is { AnyMoving: true } ? _solidVelocity : null;

    /// <param name="grid">Cells and cell size (m).</param>
    /// <param name="boundary">The six sides (see <see cref="FlowBoundary3D.Problems"/> for what is accepted).</param>
    /// <param name="cells">Cell kinds (static obstacles), <see cref="MacGrid3D.CellCount"/> of them; kept, not copied
    /// (and overwritten by <paramref name="obstacles"/> when given).</param>
    /// <param name="buoyancy">Boussinesq buoyancy along +y; its ambient temperature is the initial temperature.</param>
    /// <param name="advection">How velocity and scalars are carried.</param>
    /// <param name="pressureTolerance">Relative residual ‖r‖/‖b‖ of the pressure solve.</param>
    /// <param name="pressureMaxIterations">CG iteration cap per solve.</param>
    /// <param name="preconditioner">Preconditioner of the pressure solve (MIC(0) by default, as in 2D).</param>
    /// <param name="maxCfl">Largest CFL number |u|max·dt/h of a substep.</param>
    /// <param name="maxSubsteps">Cap on the substeps of one fixed step.</param>
    /// <param name="parallel">Threads for advection and the solver; null = one thread.</param>
    /// <param name="pressureSolver">Solves the pressure system (a Vulkan one, say); null = CPU CG with <paramref name="preconditioner"/>.</param>
    /// <param name="obstacles">Obstacles rasterised into <paramref name="cells"/> at t = 0 and, when any moves, at the
    /// start of every substep, their faces carrying their velocity; null = the cells as given.</param>
    public FluidSimulation3D(MacGrid3D grid, FlowBoundary3D boundary, CellKind[] cells, Buoyancy buoyancy,
        AdvectionScheme advection = AdvectionScheme.MacCormack, double pressureTolerance = 1e-6, int pressureMaxIterations = 5000,
        PressurePreconditioner preconditioner = PressurePreconditioner.Mic0, double maxCfl = 1, int maxSubsteps = 8,
        ParallelOptions? parallel = null, IPoissonSolver? pressureSolver = null, ObstacleSet3D? obstacles = null)
    {
        if (grid.Nx < 2 || grid.Ny < 2 || grid.Nz < 2 || !(grid.CellSize > 0) || !double.IsFinite(grid.CellSize))
            throw new ArgumentException($"grid {grid} needs at least 2 cells per axis and a positive finite cell size", nameof(grid));
        var problem = boundary.Problems().FirstOrDefault();
        if (problem.Side is not null)
            throw new ArgumentException($"boundary.{problem.Side}: {problem.Message}", nameof(boundary));
        if (cells.Length != grid.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {grid.Nx}×{grid.Ny}×{grid.Nz} grid", nameof(cells));
        if (!(maxCfl > 0) || maxSubsteps < 1)
            throw new ArgumentException($"maxCfl must be > 0 (got {maxCfl}) and maxSubsteps >= 1 (got {maxSubsteps})");

        Grid = grid;
        Boundary = boundary;
        Cells = cells;
        Buoyancy = buoyancy;
        Advection = advection;
        MaxCfl = maxCfl;
        MaxSubsteps = maxSubsteps;
        Velocity = new MacVelocity3D(grid);
        _velocityBefore = new MacVelocity3D(grid);
        _density = new double[grid.CellCount];
        _densityNext = new double[grid.CellCount];
        _temperature = new double[grid.CellCount];
        _temperatureNext = new double[grid.CellCount];
        Array.Fill(_temperature, buoyancy.AmbientTemperature);
        Phi = new double[grid.CellCount];
        _parallel = parallel;
        _advection = new Advection3D(grid, boundary, parallel);
        // The history (one double per iteration) feeds the viewer's residual plot, as in 2D.
        _projection = new PressureProjection3D(grid, boundary,
            new SolverOptions { RelativeTolerance = pressureTolerance, MaxIterations = pressureMaxIterations },
            parallel, preconditioner, pressureSolver);
        _obstacles = obstacles;
        _solidVelocity = new MacVelocity3D(grid);
        obstacles?.Rasterise(0, grid, cells, _solidVelocity);
        // Start divergence-free: the boundary conditions (an inflow, say) pass through the projection once.
        _projection.Project(Velocity, Cells, Phi, SolidVelocity);
    }

    public MacGrid3D Grid { get; }
    public FlowBoundary3D Boundary { get; }
    public CellKind[] Cells { get; }
    public Buoyancy Buoyancy { get; }
    public AdvectionScheme Advection { get; }
    /// <summary>A uniform acceleration (gravity, a driving pressure gradient), m/s².</summary>
    public (double X, double Y, double Z) BodyForce { get; init; }

    /// <summary>Vorticity confinement strength ε (dimensionless; 0 = off).</summary>
    public double VorticityConfinement
    {
        get => _confinement;
        init
        {
            _confinement = value;
            if (value != 0) _confinementScratch = Enumerable.Range(0, 7).Select(_ => new double[Grid.CellCount]).ToArray();
        }
    }

    /// <summary>Kinematic viscosity ν, m²/s (0 = inviscid: no viscosity solve).</summary>
    public double Viscosity { get; init; }

    /// <summary>Relative residual ‖r‖/‖b‖ of each viscosity solve.</summary>
    public double ViscosityTolerance { get; init; } = 1e-8;

    /// <summary>Iteration cap of each viscosity solve.</summary>
    public int ViscosityMaxIterations { get; init; } = 5000;

    public double MaxCfl { get; }
    public int MaxSubsteps { get; }
    public MacVelocity3D Velocity { get; }

    /// <summary>Smoke density per cell (arbitrary units), C order [z, y, x].</summary>
    public double[] Density => _density;

    /// <summary>Temperature per cell, K.</summary>
    public double[] Temperature => _temperature;

    /// <summary>The projection's potential φ (m²/s; u ← u − ∇φ), warm start of the next solve.</summary>
    public double[] Phi { get; }

    /// <summary>The projection, for its operator and last right-hand side (exporting the system).</summary>
    public PressureProjection3D Projection => _projection;

    /// <summary>
    /// Called after every pressure solve of <see cref="Step"/> with the operator, the right-hand side b (−h²·div u*,
    /// null space removed) and the solution φ — the system as solved, for <c>physml bench solvers</c> and cross-checks
    /// with other solvers. The spans are valid only during the call.
    /// </summary>
    public PressureSystemObserver3D? OnPressureSolved { get; set; }

    /// <summary>Simulated time, s.</summary>
    public double Time { get; private set; }

    /// <summary>Pressure p = ρφ/dt of the last substep, Pa, for a fluid of density <paramref name="density"/> kg/m³.</summary>
    public void Pressure(Span<double> pressure, double density = 1)
    {
        for (var n = 0; n < Phi.Length; n++) pressure[n] = density * Phi[n] / _lastSubstepDt;
    }

    /// <summary>Advances by <paramref name="dt"/> s in CFL-limited substeps; <paramref name="forces"/> are plugins'
    /// force fields (<see cref="FluidExtensions"/>).</summary>
    public FluidStepReport Step(double dt, IReadOnlyList<SmokeEmitter3D> emitters, IReadOnlyList<Fan>? fans = null,
        IReadOnlyList<IFluidForce3D>? forces = null)
    {
        var cfl = FluidDiagnostics3D.MaxFaceSpeed(Velocity) * dt / Grid.CellSize;
        var substeps = Math.Clamp((int)Math.Ceiling(cfl / MaxCfl), 1, MaxSubsteps);
        var h = dt / substeps;
        int pressureIterations = 0, viscosityIterations = 0;
        double worstResidual = 0;
        var converged = true;
        SolveInfo? last = null;
        var clock = new PhaseClock();
        for (var s = 0; s < substeps; s++)
        {
            // Moving obstacles take their place for this substep before anything reads the cell kinds.
            if (_obstacles is { AnyMoving: true }) _obstacles.Rasterise(Time, Grid, Cells, _solidVelocity);
            FluidForces3D.Emit(Velocity, Cells, _density, _temperature, emitters, h);
            clock.Lap(ref clock.Forces);
            Advect(h);
            clock.Lap(ref clock.Advect);
            FluidForces3D.Buoyancy(Velocity, _density, _temperature, Buoyancy, h);
            FluidForces3D.BodyForce(Velocity, BodyForce.X, BodyForce.Y, BodyForce.Z, h);
            if (fans is { Count: > 0 }) FluidForces3D.Fans(Velocity, fans, h);
            FluidForces3D.VorticityConfinement(Velocity, Cells, _confinement, h, _confinementScratch);
            if (forces is not null)
                foreach (var force in forces) PluginForces.Run(force.Name, force, () => force.Apply(Velocity, Time, h));
            clock.Lap(ref clock.Forces);
            if (Viscosity > 0) viscosityIterations += Diffuse(h);
            clock.Lap(ref clock.Viscosity);
            last = _projection.Project(Velocity, Cells, Phi, SolidVelocity);
            OnPressureSolved?.Invoke(_projection.Operator!, _projection.LastRightHandSide, Phi, last);
            clock.Lap(ref clock.Project);
            pressureIterations += last.Iterations;
            worstResidual = Math.Max(worstResidual, last.RelativeResidual);
            converged &= last.Converged;
            _lastSubstepDt = h;
            Time += h;
        }
        return new FluidStepReport(substeps, cfl, pressureIterations, worstResidual, converged, viscosityIterations,
            PressureProjection3D.MaxDivergence(Velocity, Cells), last, clock.Advect, clock.Forces, clock.Viscosity, clock.Project);
    }

    // Backward Euler viscosity over one substep; returns the iterations of the three solves.
    private int Diffuse(double dt)
    {
        // Built on first use: its stencils take ~50 bytes per face, wasted on an inviscid domain.
        _viscositySolver ??= new ImplicitViscosity3D(Grid, Boundary,
            new SolverOptions { RelativeTolerance = ViscosityTolerance, MaxIterations = ViscosityMaxIterations, RecordHistory = false },
            _parallel);
        // Viscosity treats obstacle and inflow faces as fixed data: give them their prescribed values first.
        _projection.EnforceBoundaries(Velocity, Cells, SolidVelocity);
        var (u, v, w) = _viscositySolver.Apply(Velocity, Cells, Viscosity * dt);
        return u.Iterations + v.Iterations + w.Iterations;
    }

    private void Advect(double dt)
    {
        _velocityBefore.CopyFrom(Velocity);
        var a = _advection;
        var before = _velocityBefore;
        _advection.Advect(Advection, before, before.U, Velocity.U, a.UFaces, dt);
        _advection.Advect(Advection, before, before.V, Velocity.V, a.VFaces, dt);
        _advection.Advect(Advection, before, before.W, Velocity.W, a.WFaces, dt);
        var cells = a.Cells;
        _advection.Advect(Advection, before, _density, _densityNext, cells, dt);
        _advection.Advect(Advection, before, _temperature, _temperatureNext, cells, dt);
        (_density, _densityNext) = (_densityNext, _density);
        (_temperature, _temperatureNext) = (_temperatureNext, _temperature);
        SolidScalars.Clear(Cells, _density, _temperature, Buoyancy.AmbientTemperature);
    }
}
