using PhysML.Solvers;

namespace PhysML.Fluids;

/// <summary>What one fixed step of a fluid did: substeps, CFL, the solves (summed over substeps), and the wall time
/// of each phase in ms (advect; emit + body forces + buoyancy + vorticity confinement; viscosity; projection).</summary>
public sealed record FluidStepReport(
    int Substeps,
    double Cfl,
    int PressureIterations,
    double PressureResidual,
    bool PressureConverged,
    int ViscosityIterations,
    double MaxDivergence,
    SolveInfo? LastPressureSolve,
    double AdvectMs,
    double ForcesMs,
    double ViscosityMs,
    double ProjectMs);
