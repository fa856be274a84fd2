using PhysML.Core.Checkpoints;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>
/// The state and numerics of one membrane. Stored on the membrane's entity as a (managed) component.
/// <para>
/// Space: the cell-centred 5-point Laplacian with ghost-cell edges, ∇²u ≈ L₀u + b (<see cref="Laplacian2D"/>),
/// second order. Time: leapfrog (the centred second difference; Störmer–Verlet), with the damping term centred too:
/// <code>  (uⁿ⁺¹ − 2uⁿ + uⁿ⁻¹)/dt² + γ(uⁿ⁺¹ − uⁿ⁻¹)/(2dt) = c²(L₀uⁿ + b)</code>
/// explicit, second order, one Laplacian per step, stable for c·dt·√(1/dx² + 1/dy²) ≤ 1 (the largest eigenvalue of
/// −L₀ is below 4/dx² + 4/dy²). The first step is the Taylor step u¹ = u⁰ + dt²/2·c²(L₀u⁰ + b) (u starts at rest),
/// which is exact for the scheme's own modes: for an eigenvector of L₀, leapfrog gives uⁿ = cos(n·θ)·u⁰ with
/// cos θ = 1 − (ω_s·dt)²/2, and u¹ = cos θ·u⁰ is that.
/// </para>
/// <para>
/// Energy: without damping leapfrog conserves, to rounding, the discrete energy
/// <code>  E^{n+½} = [½‖(uⁿ⁺¹ − uⁿ)/dt‖² + c²(½⟨uⁿ⁺¹, −L₀uⁿ⟩ − ⟨b, (uⁿ + uⁿ⁺¹)/2⟩)]·dx·dy</code>
/// (kinetic + potential, the potential evaluated across the step; it tends to ½∫u_t² + c²|∇u|² dA as h → 0 for zero
/// boundary values). With damping it decreases by γ·dt·‖(uⁿ⁺¹ − uⁿ⁻¹)/(2dt)‖²·dx·dy per step.
/// </para>
/// </summary>
public sealed partial class WaveMembraneSimulation : ICheckpointable
{
    private readonly double[] _boundaryTerm;   // b, 1/m (times u's unit)
    private double[] _previous;                 // uⁿ⁻¹
    private double[] _next;                     // scratch for uⁿ⁺¹
    private double[] _acceleration;             // c²(L₀uⁿ + b), cached from the step that produced uⁿ
    private double[] _nextAcceleration;
    private bool _started;

    public WaveMembraneSimulation(WaveMembrane membrane)
    {
        Membrane = membrane;
        Grid = membrane.Grid;
        var n = Grid.CellCount;
        Displacement = new double[n];
        Velocity = new double[n];
        _previous = new double[n];
        _next = new double[n];
        _acceleration = new double[n];
        _nextAcceleration = new double[n];
        _boundaryTerm = new double[n];
        Laplacian2D.AddBoundaryTerm(Grid, membrane.Boundary, _boundaryTerm);
        for (var j = 0; j < Grid.Ny; j++)
            for (var i = 0; i < Grid.Nx; i++)
                Displacement[Grid.Index(i, j)] = membrane.Initial.At(Grid.CenterX(i), Grid.CenterY(j), Grid.Width, Grid.Height);
        Accelerate(Displacement, _acceleration);
        Energy = PotentialEnergy(Displacement, Displacement, _acceleration);
    }

    public WaveMembrane Membrane { get; }
    public Grid2D Grid { get; }

    /// <summary>u at <see cref="Time"/>, m, index j·Nx + i.</summary>
    public double[] Displacement { get; private set; }

    /// <summary>∂u/∂t at <see cref="Time"/>, m/s (second order: the half-step difference plus half a step of
    /// acceleration).</summary>
    public double[] Velocity { get; }

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    /// <summary>The discrete energy E^{n+½} of the last step (see the class remarks) per unit areal density, m⁴/s²
    /// (joules for a membrane of 1 kg/m² and tension c²); before the first step, the potential energy of u⁰.</summary>
    public double Energy { get; private set; }

    /// <summary>Advances by <paramref name="dt"/> seconds.</summary>
    public void Step(double dt)
    {
        var u = Displacement;
        var next = _next;
        var a = _acceleration;
        var g = 0.5 * Membrane.Damping * dt;
        var dt2 = dt * dt;
        if (!_started)
        {
            // Taylor start from rest: u¹ = u⁰ + dt²/2·a⁰ (the damping term vanishes with the velocity).
            for (var k = 0; k < u.Length; k++) next[k] = u[k] + 0.5 * dt2 * a[k];
            _started = true;
        }
        else
        {
            var previous = _previous;
            for (var k = 0; k < u.Length; k++) next[k] = (2 * u[k] - (1 - g) * previous[k] + dt2 * a[k]) / (1 + g);
        }
        Accelerate(next, _nextAcceleration);

        // vⁿ⁺¹ = v^{n+½} + dt/2·(aⁿ⁺¹ − γvⁿ⁺¹), solved for vⁿ⁺¹; the energy of the step uses aⁿ (= c²(L₀uⁿ + b)).
        double kinetic = 0;
        for (var k = 0; k < u.Length; k++)
        {
            var half = (next[k] - u[k]) / dt;
            Velocity[k] = (half + 0.5 * dt * _nextAcceleration[k]) / (1 + g);
            kinetic += half * half;
        }
        Energy = 0.5 * kinetic * Grid.Dx * Grid.Dy + PotentialEnergy(u, next, a);

        // Rotate the three levels: uⁿ⁻¹ ← uⁿ, uⁿ ← uⁿ⁺¹; the old uⁿ⁻¹ becomes the next scratch.
        (_previous, Displacement, _next) = (u, next, _previous);
        (_acceleration, _nextAcceleration) = (_nextAcceleration, _acceleration);
        Time += dt;
    }

    /// <summary>result = c²(L₀u + b).</summary>
    private void Accelerate(double[] u, double[] result)
    {
        Laplacian2D.ApplyHomogeneous(Grid, Membrane.Boundary, u, result);
        var c2 = Membrane.WaveSpeed * Membrane.WaveSpeed;
        for (var k = 0; k < result.Length; k++) result[k] = c2 * (result[k] + _boundaryTerm[k]);
    }

    // c²(½⟨v, −L₀u⟩ − ⟨b, (u + v)/2⟩)·dx·dy, with a = c²(L₀u + b), so c²L₀u = a − c²b.
    private double PotentialEnergy(double[] u, double[] v, double[] a)
    {
        var c2 = Membrane.WaveSpeed * Membrane.WaveSpeed;
        double sum = 0;
        for (var k = 0; k < u.Length; k++)
            sum += -0.5 * v[k] * (a[k] - c2 * _boundaryTerm[k]) - c2 * _boundaryTerm[k] * 0.5 * (u[k] + v[k]);
        return sum * Grid.Dx * Grid.Dy;
    }
}
