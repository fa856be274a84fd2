using PhysML.Solvers;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>Sees each pressure system a 3D fluid simulation solves: A, b and the solution φ (valid during the call);
/// the 3D counterpart of <see cref="PressureSystemObserver"/>.</summary>
public delegate void PressureSystemObserver3D(PressurePoisson3D a, ReadOnlySpan<double> b, ReadOnlySpan<double> phi, SolveInfo info);
