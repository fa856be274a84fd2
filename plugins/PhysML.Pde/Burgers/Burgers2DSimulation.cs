using PhysML.Core.Checkpoints;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>
/// The state and numerics of one periodic 2D Burgers domain. Stored on the domain's entity as a (managed) component.
/// <para>
/// The vector equation u_t + (u·∇)u = ν∇²u is not a conservation law in general ((u·∇)u = ∇·(u⊗u) − u(∇·u)), so we
/// write each component's self-advection in flux form and its cross-advection in advective form:
/// <code>  u_t + (u²/2)_x + v·u_y = ν∇²u,     v_t + u·v_x + (v²/2)_y = ν∇²v</code>
/// The flux terms use the 1D scheme's MUSCL + Rusanov face fluxes (<see cref="Burgers1DSimulation"/>), so shocks
/// normal to an axis move at the Rankine–Hugoniot speed and a flow with v ≡ 0 that does not depend on y is advanced
/// exactly as burgers1D advances it. The cross terms are upwind MUSCL differences: v·u_y ≈ v_ij·(u_{j+½} − u_{j−½})/h
/// with both face values reconstructed from the side v_ij comes from (second-order upwind, limited). Viscous terms are
/// the centred 5-point Laplacian, written as face fluxes. Time: SSP Heun, as in 1D. Second order on smooth solutions.
/// </para>
/// <para>
/// Conservation: Σu over the cells changes only through the cross term, Σ v·u_y, which is zero whenever v ≡ 0 (and
/// Σv likewise through u·v_x); the flux and viscous parts telescope exactly.
/// </para>
/// </summary>
public sealed partial class Burgers2DSimulation : ICheckpointable
{
    private readonly int _n;
    private readonly double _h;
    private readonly double[] _stageU, _stageV, _rateU, _rateV;
    private readonly double[] _slopeUx, _slopeUy, _slopeVx, _slopeVy;
    private readonly double[] _fluxUx, _fluxUy, _fluxVx, _fluxVy; // through the east (x) and north (y) face of each cell

    public Burgers2DSimulation(Burgers2D domain)
    {
        Domain = domain;
        Grid = domain.Grid;
        _n = domain.N;
        _h = domain.Spacing;
        var count = _n * _n;
        U = new double[count];
        V = new double[count];
        Speed = new double[count];
        _stageU = new double[count];
        _stageV = new double[count];
        _rateU = new double[count];
        _rateV = new double[count];
        _slopeUx = new double[count];
        _slopeUy = new double[count];
        _slopeVx = new double[count];
        _slopeVy = new double[count];
        _fluxUx = new double[count];
        _fluxUy = new double[count];
        _fluxVx = new double[count];
        _fluxVy = new double[count];
        if (domain.Initial.IsColeHopf) BurgersAnalytic.Evaluate(domain, 0, U, V);
        else
        {
            var k = 2 * Math.PI * domain.Initial.Mode / domain.Length;
            var a = domain.Initial.Amplitude;
            for (var j = 0; j < _n; j++)
            {
                var (sy, cy) = Math.SinCos(k * Grid.CenterY(j));
                for (var i = 0; i < _n; i++)
                {
                    var (sx, cx) = Math.SinCos(k * Grid.CenterX(i));
                    U[Grid.Index(i, j)] = a * sx * cy;
                    V[Grid.Index(i, j)] = a * cx * sy;
                }
            }
        }
        UpdateSpeed();
    }

    public Burgers2D Domain { get; }
    public Grid2D Grid { get; }

    /// <summary>x velocity per cell, m/s, index j·n + i.</summary>
    public double[] U { get; }
    /// <summary>y velocity per cell, m/s.</summary>
    public double[] V { get; }
    /// <summary>|(u, v)| per cell, m/s, updated after every step.</summary>
    public double[] Speed { get; }

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    private double CellArea => _h * _h;

    /// <summary>(∫u dA, ∫v dA), m³/s.</summary>
    public (double X, double Y) Momentum
    {
        get
        {
            double su = 0, sv = 0;
            for (var k = 0; k < U.Length; k++)
            {
                su += U[k];
                sv += V[k];
            }
            return (su * CellArea, sv * CellArea);
        }
    }

    /// <summary>½∫(u² + v²) dA, m⁴/s².</summary>
    public double Energy
    {
        get
        {
            double sum = 0;
            for (var k = 0; k < U.Length; k++) sum += U[k] * U[k] + V[k] * V[k];
            return 0.5 * sum * CellArea;
        }
    }

    public double MaxSpeed => Speed.Max();

    /// <summary>(max|u|, max|v|), m/s.</summary>
    public (double U, double V) MaxAbs
    {
        get
        {
            double mu = 0, mv = 0;
            for (var k = 0; k < U.Length; k++)
            {
                mu = Math.Max(mu, Math.Abs(U[k]));
                mv = Math.Max(mv, Math.Abs(V[k]));
            }
            return (mu, mv);
        }
    }

    /// <summary>Advances by <paramref name="dt"/> seconds; returns the step's <see cref="Burgers2D.Courant"/> number.</summary>
    public double Step(double dt)
    {
        var (maxU, maxV) = MaxAbs;
        var courant = Burgers2D.Courant(dt, _h, Domain.Viscosity, maxU, maxV);
        Rate(U, V, _rateU, _rateV);
        for (var k = 0; k < U.Length; k++)
        {
            _stageU[k] = U[k] + dt * _rateU[k];
            _stageV[k] = V[k] + dt * _rateV[k];
        }
        Rate(_stageU, _stageV, _rateU, _rateV);
        for (var k = 0; k < U.Length; k++)
        {
            U[k] = 0.5 * U[k] + 0.5 * (_stageU[k] + dt * _rateU[k]);
            V[k] = 0.5 * V[k] + 0.5 * (_stageV[k] + dt * _rateV[k]);
        }
        UpdateSpeed();
        Time += dt;
        return courant;
    }

    private void UpdateSpeed()
    {
        for (var k = 0; k < U.Length; k++) Speed[k] = Math.Sqrt(U[k] * U[k] + V[k] * V[k]);
    }

    /// <summary>The right-hand sides (rateU, rateV) for the velocity (u, v).</summary>
    private void Rate(double[] u, double[] v, double[] rateU, double[] rateV)
    {
        var (n, h) = (_n, _h);
        var reconstruction = Domain.Reconstruction;
        var nuOverH = Domain.Viscosity / h;
        // Slopes along x and y of both components.
        for (var j = 0; j < n; j++)
        {
            var south = (j == 0 ? n - 1 : j - 1) * n;
            var north = (j == n - 1 ? 0 : j + 1) * n;
            var row = j * n;
            for (var i = 0; i < n; i++)
            {
                var k = row + i;
                var w = row + (i == 0 ? n - 1 : i - 1);
                var e = row + (i == n - 1 ? 0 : i + 1);
                _slopeUx[k] = BurgersFlux.Slope(reconstruction, u[k] - u[w], u[e] - u[k]);
                _slopeVx[k] = BurgersFlux.Slope(reconstruction, v[k] - v[w], v[e] - v[k]);
                _slopeUy[k] = BurgersFlux.Slope(reconstruction, u[k] - u[south + i], u[north + i] - u[k]);
                _slopeVy[k] = BurgersFlux.Slope(reconstruction, v[k] - v[south + i], v[north + i] - v[k]);
            }
        }
        // Face fluxes: (u²/2)_x and the viscous fluxes through east faces, (v²/2)_y and the viscous fluxes through north faces.
        for (var j = 0; j < n; j++)
        {
            var north = (j == n - 1 ? 0 : j + 1) * n;
            var row = j * n;
            for (var i = 0; i < n; i++)
            {
                var k = row + i;
                var e = row + (i == n - 1 ? 0 : i + 1);
                var nk = north + i;
                _fluxUx[k] = BurgersFlux.Rusanov(u[k] + 0.5 * _slopeUx[k], u[e] - 0.5 * _slopeUx[e]) - nuOverH * (u[e] - u[k]);
                _fluxVx[k] = -nuOverH * (v[e] - v[k]);
                _fluxVy[k] = BurgersFlux.Rusanov(v[k] + 0.5 * _slopeVy[k], v[nk] - 0.5 * _slopeVy[nk]) - nuOverH * (v[nk] - v[k]);
                _fluxUy[k] = -nuOverH * (u[nk] - u[k]);
            }
        }
        // Divergence of the fluxes, then the upwind cross-advection.
        for (var j = 0; j < n; j++)
        {
            var south = (j == 0 ? n - 1 : j - 1) * n;
            var north = (j == n - 1 ? 0 : j + 1) * n;
            var row = j * n;
            for (var i = 0; i < n; i++)
            {
                var k = row + i;
                var w = row + (i == 0 ? n - 1 : i - 1);
                var e = row + (i == n - 1 ? 0 : i + 1);
                var (s, nk) = (south + i, north + i);
                // v·u_y: face values u_{j±½} from the upwind side of v.
                var uy = v[k] >= 0
                    ? (u[k] + 0.5 * _slopeUy[k]) - (u[s] + 0.5 * _slopeUy[s])
                    : (u[nk] - 0.5 * _slopeUy[nk]) - (u[k] - 0.5 * _slopeUy[k]);
                var vx = u[k] >= 0
                    ? (v[k] + 0.5 * _slopeVx[k]) - (v[w] + 0.5 * _slopeVx[w])
                    : (v[e] - 0.5 * _slopeVx[e]) - (v[k] - 0.5 * _slopeVx[k]);
                rateU[k] = -(_fluxUx[k] - _fluxUx[w]) / h - (_fluxUy[k] - _fluxUy[s]) / h - v[k] * uy / h;
                rateV[k] = -(_fluxVy[k] - _fluxVy[s]) / h - (_fluxVx[k] - _fluxVx[w]) / h - u[k] * vx / h;
            }
        }
    }
}
