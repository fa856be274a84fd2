using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>Sees each pressure system a fluid simulation solves: A, b and the solution φ (valid during the call).</summary>
public delegate void PressureSystemObserver(PressurePoisson2D a, ReadOnlySpan<double> b, ReadOnlySpan<double> phi, SolveInfo info);
