using PhysML.Core.Application;
using PhysML.Core.Validation;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// A 2D or (with <see cref="Nz"/>) 3D incompressible fluid on a MAC grid (scene name <c>fluidDomain</c>, one per
/// scene): Nx × Ny (× Nz) square cells of side <see cref="CellSize"/> m, density <see cref="Density"/> kg/m³,
/// kinematic viscosity <see cref="Viscosity"/> m²/s.
/// Each fixed step: emitters, advection, forces, implicit viscosity, pressure projection, in CFL-limited substeps.
/// </summary>
[ReadAtStartup]
public readonly record struct FluidDomain : IValidatable
{
    public FluidDomain() { }

    public int Nx { get; init; } = 64;
    public int Ny { get; init; } = 64;
    /// <summary>Cells along z; 0 (the default) makes a 2D domain, 2 or more a 3D one (y is up in both).</summary>
    public int Nz { get; init; }
    /// <summary>m.</summary>
    public double CellSize { get; init; } = 1.0 / 64;
    /// <summary>kg/m³; scales only the reported pressure.</summary>
    public double Density { get; init; } = 1;
    /// <summary>Kinematic viscosity ν, m²/s; 0 skips the viscosity solve (unless <see cref="Reynolds"/> sets it).</summary>
    public double Viscosity { get; init; }
    /// <summary>Reynolds number Re = U·L/ν, an alternative to <see cref="Viscosity"/> (0 = unset): ν = U·L/Re with U the
    /// fastest moving wall or inflow and L the domain's width (x extent), so a scene can be swept over Re.</summary>
    public double Reynolds { get; init; }
    public AdvectionScheme Advection { get; init; } = AdvectionScheme.MacCormack;
    public FlowBoundary Boundary { get; init; } = FlowBoundary.ClosedBox;
    /// <summary>The back and front sides of a 3D domain.</summary>
    public FlowSidesZ BoundaryZ { get; init; } = FlowSidesZ.Closed;
    public Buoyancy Buoyancy { get; init; } = new();
    /// <summary>A uniform acceleration (gravity, a driving pressure gradient), m/s².</summary>
    public double BodyForceX { get; init; }
    /// <summary>m/s².</summary>
    public double BodyForceY { get; init; }
    /// <summary>m/s²; 3D domains only.</summary>
    public double BodyForceZ { get; init; }
    /// <summary>Vorticity confinement strength ε (dimensionless; 0 = off).</summary>
    public double VorticityConfinement { get; init; }
    public InitialFlow Initial { get; init; } = new();
    /// <summary>Preconditioner of the pressure solve: MIC(0) cuts CG's iterations several-fold (see README figures).</summary>
    public PressurePreconditioner PressurePreconditioner { get; init; } = PressurePreconditioner.Mic0;
    /// <summary>A preconditioner a plugin registered by this name (<see cref="FluidExtensions.AddPreconditioner"/>):
    /// the pressure solve is then PCG with it, on the CPU, and <see cref="PressurePreconditioner"/> is ignored (2D and 3D).</summary>
    public string? CustomPreconditioner { get; init; }
    /// <summary>Where the pressure solve runs: auto follows <c>physml run --backend</c>; vulkan asks for the GPU even
    /// without it (falling back to the CPU, with a warning, when there is no Vulkan device).</summary>
    public PressureBackend PressureBackend { get; init; } = PressureBackend.Auto;
    /// <summary>A learned preconditioner checkpoint (path relative to the scene file): the pressure solve then runs the
    /// deep conjugate direction method with it (on Vulkan, the learned V-cycle as PCG's preconditioner), and
    /// <see cref="PressurePreconditioner"/> is ignored. Needs the <c>learnedPressure</c> plugin.</summary>
    public string? PressureModel { get; init; }
    /// <summary>When the <see cref="PressureModel"/> cannot be used (missing, broken, wrong dimensionality): MGPCG with
    /// a warning instead of stopping the run.</summary>
    public bool PressureModelFallback { get; init; }
    /// <summary>Training the <see cref="PressureModel"/> in the loop while the scene runs (off unless online is set).</summary>
    public OnlineTrainingSettings? PressureTraining { get; init; }
    /// <summary>Relative residual ‖r‖/‖b‖ of the pressure solve.</summary>
    public double PressureTolerance { get; init; } = 1e-6;
    public int PressureMaxIterations { get; init; } = 5000;

    /// <summary>The pressure solve's settings as the solvers take them.</summary>
    public SolverOptions PressureSolverOptions => new() { RelativeTolerance = PressureTolerance, MaxIterations = PressureMaxIterations };
    public double ViscosityTolerance { get; init; } = 1e-8;
    /// <summary>Largest CFL number (|u|max·dt/h) of a substep; a fixed step is split to respect it.</summary>
    public double MaxCfl { get; init; } = 1;
    public int MaxSubsteps { get; init; } = 8;
    /// <summary>When the pressure solve does not converge: true stops the run (exit 3), false records a warning metric.</summary>
    public bool FailOnSolverNonConvergence { get; init; } = true;

    public MacGrid2D Grid => new(Nx, Ny, CellSize);

    public bool Is3D => Nz > 0;
    public MacGrid3D Grid3D => new(Nx, Ny, Nz, CellSize);
    public FlowBoundary3D Boundary3D => new(Boundary.Left, Boundary.Right, Boundary.Bottom, Boundary.Top, BoundaryZ.Back, BoundaryZ.Front);

    /// <summary>The fastest moving wall or mean inflow speed, m/s: the velocity scale of <see cref="Reynolds"/>.</summary>
    public double ReferenceSpeed =>
        new[] { Boundary.Left, Boundary.Right, Boundary.Bottom, Boundary.Top, BoundaryZ.Back, BoundaryZ.Front }
            .Where(side => side.Kind is SideKind.NoSlip or SideKind.Inflow)
            .Select(side => Math.Abs(side.Speed))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>The kinematic viscosity the step uses, m²/s: <see cref="Viscosity"/>, or U·L/Re when
    /// <see cref="Reynolds"/> is set.</summary>
    public double KinematicViscosity => Reynolds > 0 ? ReferenceSpeed * Nx * CellSize / Reynolds : Viscosity;

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 2, 4096)
            .Concat(Check.InRange("ny", Ny, 2, 4096))
            // A negative nz would otherwise make a 2D domain silently, and nz = 1 is neither 2D nor 3D.
            .Concat(Nz == 0 || Nz is >= 2 and <= 1024 ? [] : [new FieldError("nz", $"must be 0 (a 2D domain) or between 2 and 1024 (3D), got {Nz}")])
            .Concat(Check.Positive("cellSize", CellSize))
            .Concat(Check.Positive("density", Density))
            .Concat(Check.NonNegative("viscosity", Viscosity))
            .Concat(Check.NonNegative("reynolds", Reynolds))
            .Concat(ReynoldsErrors())
            .Concat(Check.Nested("buoyancy", Buoyancy))
            .Concat(Check.Finite("bodyForceX", BodyForceX))
            .Concat(Check.Finite("bodyForceY", BodyForceY))
            .Concat(Check.Finite("bodyForceZ", BodyForceZ))
            .Concat(!Is3D && BodyForceZ != 0 ? [new FieldError("bodyForceZ", "is for 3D domains (nz >= 2); a 2D domain has no z")] : [])
            .Concat(!Is3D && BoundaryZ != FlowSidesZ.Closed ? [new FieldError("boundaryZ", "is for 3D domains (nz >= 2); a 2D domain has no back or front side")] : [])
            .Concat(Check.NonNegative("vorticityConfinement", VorticityConfinement))
            .Concat(Check.Nested("initial", Initial))
            .Concat(CustomPreconditioner is { } custom && (custom.Trim().Length == 0 || PressureModel is not null)
                ? [new FieldError("customPreconditioner", PressureModel is not null ? "and pressureModel both choose the pressure solve; set one" : "must be a preconditioner's name")]
                : [])
            .Concat(PressureTraining?.Problems().Select(p => new FieldError($"pressureTraining.{p.Field}", p.Message)) ?? [])
            .Concat(PressureTraining is { Online: true } && PressureModel is null
                ? [new FieldError("pressureTraining.online", "trains the pressureModel, and none is set")]
                : [])
            .Concat(Check.Positive("pressureTolerance", PressureTolerance))
            .Concat(Check.InRange("pressureMaxIterations", PressureMaxIterations, 1, 10_000_000))
            .Concat(Check.Positive("viscosityTolerance", ViscosityTolerance))
            .Concat(Check.Positive("maxCfl", MaxCfl))
            .Concat(Check.InRange("maxSubsteps", MaxSubsteps, 1, 1000))
            .Concat(Is3D ? [] : Boundary.Problems().Select(p => new FieldError($"boundary.{p.Side}", p.Message)))
            .Concat(Is3D ? ThreeDimensionalErrors() : [])
            .Concat(Initial.Kind == InitialFlowKind.TaylorGreen && (Nx != Ny || !Boundary.PeriodicX || !Boundary.PeriodicY)
                ? [new FieldError("initial.kind", "taylorGreen needs a square domain (nx = ny) periodic on all sides")]
                : []);

    private IEnumerable<FieldError> ReynoldsErrors()
    {
        if (Reynolds <= 0) yield break;
        if (Viscosity != 0)
            yield return new FieldError("reynolds", "set either viscosity or reynolds, not both (reynolds sets ν = U·L/Re)");
        else if (ReferenceSpeed == 0)
            yield return new FieldError("reynolds", "needs a velocity scale: a noSlip side with a speed (a lid) or an inflow; none of the sides moves");
    }

    // The 3D step has no initial flows yet; refuse settings it would silently ignore.
    private IEnumerable<FieldError> ThreeDimensionalErrors()
    {
        foreach (var (side, message) in Boundary3D.Problems())
            yield return new FieldError(side is "back" or "front" ? $"boundaryZ.{side}" : $"boundary.{side}", message);
        if (Initial.Kind != InitialFlowKind.Rest) yield return new FieldError("initial.kind", "3D domains start at rest");
    }
}
