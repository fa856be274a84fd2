using PhysML.Solvers;

namespace PhysML.Fluids;

/// <summary>What one fixed step of a fluid did: substeps, CFL, and the solves (summed over substeps).</summary>
public sealed record FluidStepReport(
    int Substeps,
    double Cfl,
    int PressureIterations,
    double PressureResidual,
    bool PressureConverged,
    int ViscosityIterations,
    double MaxDivergence,
    SolveInfo? LastPressureSolve);
