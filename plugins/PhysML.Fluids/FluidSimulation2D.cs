using PhysML.Core.Checkpoints;
using PhysML.Fields.Mac;
using PhysML.Solvers;
using PhysML.Solvers.Diffusion;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// The state and numerics of one 2D fluid domain (stored on its entity as a managed component). A fixed step is split
/// into CFL-limited substeps, each the ordered list of operators (Stam's stable fluids with MAC staggering):
/// emit → advect (velocity by itself, then scalars) → body forces, buoyancy, vorticity confinement →
/// implicit viscosity → pressure projection.
/// </summary>
public sealed partial class FluidSimulation2D : ICheckpointable
{
    private readonly Advection2D _advection;
    private readonly PressureProjection2D _projection;

    /// <summary>The pressure projection, whose solver a run-time switch replaces at a frame boundary.</summary>
    public PressureProjection2D Projection => _projection;
    private readonly ImplicitViscosity2D _viscosity;
    private readonly MacVelocity2D _velocityBefore;
    private double[] _density;
    private double[] _densityNext;
    private double[] _temperature;
    private double[] _temperatureNext;
    private readonly double[] _scratchA;
    private readonly double[] _scratchB;
    private readonly double[] _scratchC;
    private double _lastSubstepDt = 1;
    private readonly ObstacleSet2D? _obstacles;
    private readonly MacVelocity2D _solidVelocity;

    // Face velocities of moving obstacles, or null when every obstacle is static (their faces carry 0).
    private MacVelocity2D? SolidVelocity => _obstacles is { AnyMoving: true } ? _solidVelocity : null;

    /// <summary>A domain whose obstacles (static or moving) are rasterised from <paramref name="obstacles"/>; the
    /// pressure is solved by <paramref name="pressureSolver"/> (a GPU one, say), or on the CPU when it is null.</summary>
    public FluidSimulation2D(FluidDomain domain, ObstacleSet2D obstacles, ParallelOptions? parallel = null, IPoissonSolver? pressureSolver = null)
        : this(domain, new CellKind[domain.Grid.CellCount], parallel, obstacles, pressureSolver)
    {
    }

    /// <summary>A domain with fixed cell kinds (static obstacles given cell by cell).</summary>
    public FluidSimulation2D(FluidDomain domain, CellKind[] cells, ParallelOptions? parallel = null)
        : this(domain, cells, parallel, null, null)
    {
    }

    private FluidSimulation2D(FluidDomain domain, CellKind[] cells, ParallelOptions? parallel, ObstacleSet2D? obstacles,
        IPoissonSolver? pressureSolver)
    {
        Domain = domain;
        Grid = domain.Grid;
        Cells = cells;
        Velocity = new MacVelocity2D(Grid);
        _velocityBefore = new MacVelocity2D(Grid);
        _density = new double[Grid.CellCount];
        _densityNext = new double[Grid.CellCount];
        _temperature = new double[Grid.CellCount];
        _temperatureNext = new double[Grid.CellCount];
        Array.Fill(_temperature, domain.Buoyancy.AmbientTemperature);
        Phi = new double[Grid.CellCount];
        _scratchA = new double[Grid.CellCount];
        _scratchB = new double[Grid.CellCount];
        _scratchC = new double[Grid.CellCount];
        _advection = new Advection2D(Grid, domain.Boundary, parallel);
        _projection = new PressureProjection2D(Grid, domain.Boundary,
            domain.PressureSolverOptions, parallel,
            domain.PressurePreconditioner, pressureSolver);
        _viscosity = new ImplicitViscosity2D(Grid, domain.Boundary,
            new SolverOptions { RelativeTolerance = domain.ViscosityTolerance, MaxIterations = domain.PressureMaxIterations });
        _obstacles = obstacles;
        _solidVelocity = new MacVelocity2D(Grid);
        obstacles?.Rasterise(0, Grid, Cells, _solidVelocity);
        InitialVelocity();
        // Start divergence-free: the initial field (and boundary conditions) pass through the projection once.
        _projection.Project(Velocity, Cells, Phi, SolidVelocity);
    }

    public FluidDomain Domain { get; }
    public MacGrid2D Grid { get; }
    public CellKind[] Cells { get; }

    public MacVelocity2D Velocity { get; }

    /// <summary>Smoke density per cell (arbitrary units).</summary>
    public double[] Density => _density;

    /// <summary>Temperature per cell, K.</summary>
    public double[] Temperature => _temperature;

    /// <summary>The projection's potential φ (m²/s; u ← u − ∇φ), warm start of the next solve.</summary>
    public double[] Phi { get; }

    /// <summary>
    /// Called after every pressure solve with the operator, the right-hand side b (−h²·div u*, null space removed) and
    /// the solution φ — the system as solved, for <c>physml export-system</c> and cross-checks with other solvers.
    /// The spans are valid only during the call.
    /// </summary>
    public PressureSystemObserver? OnPressureSolved { get; set; }

    /// <summary>Pressure p = ρφ/dt of the last substep, Pa (written into <paramref name="pressure"/>).</summary>
    public void Pressure(Span<double> pressure)
    {
        for (var k = 0; k < Phi.Length; k++) pressure[k] = Domain.Density * Phi[k] / _lastSubstepDt;
    }

    /// <summary>Simulated time, s.</summary>
    public double Time { get; private set; }

    /// <summary>One fixed step; <paramref name="forces"/> are plugins' force fields (<see cref="FluidExtensions"/>).</summary>
    public FluidStepReport Step(double dt, IReadOnlyList<SmokeEmitter> emitters, IReadOnlyList<Fan>? fans = null,
        IReadOnlyList<IFluidForce2D>? forces = null)
    {
        var cfl = FluidDiagnostics2D.MaxFaceSpeed(Velocity) * dt / Grid.CellSize;
        var substeps = Math.Clamp((int)Math.Ceiling(cfl / Domain.MaxCfl), 1, Domain.MaxSubsteps);
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
            FluidForces2D.Emit(Velocity, _density, _temperature, emitters, h);
            clock.Lap(ref clock.Forces);
            Advect(h);
            clock.Lap(ref clock.Advect);
            FluidForces2D.BodyForce(Velocity, Domain.BodyForceX, Domain.BodyForceY, h);
            if (fans is not null) FluidForces2D.Fans(Velocity, fans, h);
            FluidForces2D.Buoyancy(Velocity, _density, _temperature, Domain.Buoyancy, h);
            FluidForces2D.VorticityConfinement(Velocity, Cells, Domain.VorticityConfinement, h, _scratchA, _scratchB, _scratchC);
            if (forces is not null) foreach (var force in forces) ApplyForce(force, h);
            clock.Lap(ref clock.Forces);
            if (Domain.KinematicViscosity > 0)
            {
                // Viscosity treats obstacle and inflow faces as fixed data: give them their prescribed values first.
                _projection.EnforceBoundaries(Velocity, Cells, SolidVelocity);
                var (u, v) = _viscosity.Apply(Velocity, Cells, Domain.KinematicViscosity * h);
                viscosityIterations += u.Iterations + v.Iterations;
            }
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
            PressureProjection2D.MaxDivergence(Velocity, Cells), last,
            clock.Advect, clock.Forces, clock.Viscosity, clock.Project);
    }

    // A plugin's force runs inside the fluid's system: name it, or the failure would read as the fluid's own.
    private void ApplyForce(IFluidForce2D force, double dt) => PluginForces.Run(force.Name, force, () => force.Apply(Velocity, Time, dt));

    private void Advect(double dt)
    {
        _velocityBefore.CopyFrom(Velocity);
        var scheme = Domain.Advection;
        _advection.Advect(scheme, _velocityBefore, _velocityBefore.U, Velocity.U, _advection.UFaces, dt);
        _advection.Advect(scheme, _velocityBefore, _velocityBefore.V, Velocity.V, _advection.VFaces, dt);
        var cells = _advection.Cells;
        _advection.Advect(scheme, _velocityBefore, _density, _densityNext, cells, dt);
        _advection.Advect(scheme, _velocityBefore, _temperature, _temperatureNext, cells, dt);
        (_density, _densityNext) = (_densityNext, _density);
        (_temperature, _temperatureNext) = (_temperatureNext, _temperature);
        SolidScalars.Clear(Cells, _density, _temperature, Domain.Buoyancy.AmbientTemperature);
    }

    private void InitialVelocity()
    {
        var g = Grid;
        var initial = Domain.Initial;
        if (initial.Kind == InitialFlowKind.Uniform) Array.Fill(Velocity.U, initial.Speed);
        if (initial.Kind != InitialFlowKind.TaylorGreen) return;
        var k = 2 * Math.PI / g.Width;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i <= g.Nx; i++)
                Velocity.U[g.U(i, j)] = initial.Speed * Math.Sin(k * i * g.CellSize) * Math.Cos(k * (j + 0.5) * g.CellSize);
        for (var j = 0; j <= g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
                Velocity.V[g.V(i, j)] = -initial.Speed * Math.Cos(k * (i + 0.5) * g.CellSize) * Math.Sin(k * j * g.CellSize);
    }
}
