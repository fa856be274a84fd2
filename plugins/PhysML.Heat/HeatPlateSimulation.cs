using PhysML.Core.Checkpoints;
using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Heat;

/// <summary>
/// The state and numerics of one heat plate: the temperature field, the rasterised sources, and one step of forward
/// or backward Euler on the ghost-cell Laplacian. Stored on the plate's entity as a (managed) component.
/// </summary>
public sealed partial class HeatPlateSimulation : ICheckpointable
{
    private readonly double[] _boundaryTerm;
    private double[] _next;
    private readonly double[] _rhs;
    private readonly ConjugateGradient _cg;
    private BackwardEulerOperator? _operator;
    private double _operatorDt = double.NaN;

    public HeatPlateSimulation(HeatPlate plate)
    {
        Plate = plate;
        Grid = plate.Grid;
        Temperature = new double[Grid.CellCount];
        _next = new double[Grid.CellCount];
        _rhs = new double[Grid.CellCount];
        Source = new double[Grid.CellCount];
        _boundaryTerm = new double[Grid.CellCount];
        Laplacian2D.AddBoundaryTerm(Grid, plate.Boundary, _boundaryTerm);
        _cg = new ConjugateGradient(new SolverOptions
        {
            RelativeTolerance = plate.SolverTolerance,
            MaxIterations = plate.SolverMaxIterations,
        });
        for (var j = 0; j < Grid.Ny; j++)
            for (var i = 0; i < Grid.Nx; i++)
                Temperature[Grid.Index(i, j)] = plate.Initial.At(Grid.CenterX(i), Grid.CenterY(j), Grid.Width, Grid.Height);
    }

    public HeatPlate Plate { get; }
    public Grid2D Grid { get; }

    /// <summary>Cell temperatures, K, index j·Nx + i.</summary>
    public double[] Temperature { get; private set; }

    /// <summary>Heating rate per cell, K/s.</summary>
    public double[] Source { get; }

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    /// <summary>Sets <see cref="Source"/> from the discs: each cell whose centre lies in a disc gains its rate.</summary>
    public void RasteriseSources(IEnumerable<HeatSource> sources)
    {
        Array.Clear(Source);
        foreach (var s in sources)
        {
            var r2 = s.Radius * s.Radius;
            for (var j = 0; j < Grid.Ny; j++)
            {
                var dy = Grid.CenterY(j) - s.Y;
                for (var i = 0; i < Grid.Nx; i++)
                {
                    var dx = Grid.CenterX(i) - s.X;
                    if (dx * dx + dy * dy <= r2) Source[Grid.Index(i, j)] += s.Rate;
                }
            }
        }
    }

    /// <summary>Advances by <paramref name="dt"/> seconds; returns the solve's figures for the implicit scheme.</summary>
    public SolveInfo? Step(double dt)
    {
        var alpha = Plate.Diffusivity;
        SolveInfo? info = null;
        if (Plate.Scheme == HeatScheme.Explicit)
        {
            // Tⁿ⁺¹ = Tⁿ + dt·(α(L₀Tⁿ + c) + S)
            Laplacian2D.ApplyHomogeneous(Grid, Plate.Boundary, Temperature, _next);
            for (var k = 0; k < _next.Length; k++)
                _next[k] = Temperature[k] + dt * (alpha * (_next[k] + _boundaryTerm[k]) + Source[k]);
        }
        else
        {
            // (I − dt·α·L₀)Tⁿ⁺¹ = Tⁿ + dt·(α·c + S), warm-started from Tⁿ.
            if (_operator is null || _operatorDt != dt)
            {
                _operator = new BackwardEulerOperator(Grid, Plate.Boundary, dt * alpha);
                _operatorDt = dt;
            }
            for (var k = 0; k < _rhs.Length; k++) _rhs[k] = Temperature[k] + dt * (alpha * _boundaryTerm[k] + Source[k]);
            Temperature.CopyTo(_next, 0);
            info = _cg.Solve(_operator, _rhs, _next).EnsureConverged("the implicit heat step");
        }
        (Temperature, _next) = (_next, Temperature);
        Time += dt;
        return info;
    }
}
