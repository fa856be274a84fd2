using PhysML.Fields.Mac;

namespace PhysML.Solvers.Diffusion;

/// <summary>
/// A = I − ν·dt·∇²_h for one velocity component on its own faces (backward Euler viscosity, e.g. Bridson, Fluid
/// Simulation for Computer Graphics, 2nd ed., ch. 10), restricted to the component's free faces and matrix-free.
/// With w = ν·dt/h², row k is (1 + w·d_k)·x_k − w·Σ x_neighbour, so A = I + w·L where L is a 5-point graph Laplacian
/// with extra diagonal weight: symmetric, weakly diagonally dominant with non-negative diagonal, hence positive
/// semi-definite, and A is symmetric positive definite for every w ≥ 0.
/// <para>
/// Fixed faces keep their value and are Dirichlet data for their neighbours (moved to the right-hand side by
/// <see cref="BuildRightHandSide"/>, so A keeps only free–free couplings and stays symmetric): faces touching a solid
/// cell (static obstacles, value 0) and the normal faces of NoSlip, FreeSlip (0) and Inflow sides (their current
/// value, set by the caller). Outflow normal faces are free, with a zero-gradient ghost beyond them.
/// </para>
/// <para>
/// A free face's neighbour outside a side in the tangential direction is a ghost: −u on NoSlip and Inflow sides (the
/// wall lies midway, so u_wall = 0 to second order), +u on FreeSlip and Outflow sides (zero stress or gradient), the
/// wrapped face on Periodic sides. On a periodic axis along the component's normal the last face duplicates the first
/// and is the same unknown; <see cref="Scatter"/> writes both.
/// </para>
/// Not thread-safe: <see cref="Prepare"/> rebuilds the stencil in place.
/// </summary>
public sealed class ViscosityOperator2D : ILinearOperator
{
    // A neighbour slot holds an unknown index (≥ 0), NoNeighbour (a +u ghost or the face itself: no contribution), or
    // a fixed face f encoded as −2 − f (Dirichlet data for the right-hand side).
    private const int NoNeighbour = -1;
    private const int SlotsPerUnknown = 4;

    // Faces are indexed along the component's normal axis n (0..NormalCount) and tangential axis t (0..TangentCount−1).
    private readonly int _normalCount;
    private readonly int _tangentCount;
    private readonly int _faceStrideN;
    private readonly int _faceStrideT;
    private readonly int _cellStrideN;
    private readonly int _cellStrideT;
    private readonly bool _periodicNormal;
    private readonly FlowSide _normalLow;
    private readonly FlowSide _normalHigh;
    private readonly FlowSide _tangentLow;
    private readonly FlowSide _tangentHigh;

    private readonly CellKind[] _cells;
    private readonly int[] _unknownOf;
    private readonly int[] _faceOf;
    private readonly double[] _degree;
    // Per unknown: Σ 2·u_wall over the moving no-slip walls beside it (the ghost 2·u_wall − u puts 2w·u_wall on the
    // right-hand side).
    private readonly double[] _wallData;
    private readonly int[] _slots;
    private bool _built;
    private double _weight;

    public ViscosityOperator2D(MacGrid2D grid, FlowBoundary boundary, VelocityComponent component)
    {
        Grid = grid;
        Boundary = boundary;
        Component = component;
        if (component == VelocityComponent.U)
        {
            (_normalCount, _tangentCount) = (grid.Nx, grid.Ny);
            (_faceStrideN, _faceStrideT, _cellStrideN, _cellStrideT) = (1, grid.Nx + 1, 1, grid.Nx);
            _periodicNormal = boundary.PeriodicX;
            (_normalLow, _normalHigh, _tangentLow, _tangentHigh) = (boundary.Left, boundary.Right, boundary.Bottom, boundary.Top);
            FaceCount = grid.UCount;
        }
        else
        {
            (_normalCount, _tangentCount) = (grid.Ny, grid.Nx);
            (_faceStrideN, _faceStrideT, _cellStrideN, _cellStrideT) = (grid.Nx, 1, grid.Nx, 1);
            _periodicNormal = boundary.PeriodicY;
            (_normalLow, _normalHigh, _tangentLow, _tangentHigh) = (boundary.Bottom, boundary.Top, boundary.Left, boundary.Right);
            FaceCount = grid.VCount;
        }
        _cells = new CellKind[grid.CellCount];
        _unknownOf = new int[FaceCount];
        _faceOf = new int[FaceCount];
        _degree = new double[FaceCount];
        _wallData = new double[FaceCount];
        _slots = new int[SlotsPerUnknown * FaceCount];
    }

    public MacGrid2D Grid { get; }
    public FlowBoundary Boundary { get; }
    public VelocityComponent Component { get; }

    /// <summary>The number of faces of the component (free and fixed).</summary>
    public int FaceCount { get; }

    /// <summary>The number of unknowns: free faces, a periodic duplicate counted once.</summary>
    public int Size { get; private set; }

    /// <summary>ν·dt (m²) of the last <see cref="Prepare"/>.</summary>
    public double ViscosityTimesDt { get; private set; }

    /// <summary>The unknown a face maps to, or −1 for a fixed face. A periodic duplicate maps to its twin's unknown.</summary>
    public int UnknownOf(int face) => _unknownOf[face];

    /// <summary>The face an unknown was numbered from (the first of a periodic pair).</summary>
    public int FaceOf(int unknown) => _faceOf[unknown];

    /// <summary>
    /// Sets ν·dt (m², ≥ 0) and the cell kinds; rebuilds the stencil only when the cells changed (O(faces), about one
    /// <see cref="Apply"/>).
    /// </summary>
    public void Prepare(ReadOnlySpan<CellKind> cells, double viscosityTimesDt)
    {
        if (cells.Length != Grid.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny} grid", nameof(cells));
        if (!(viscosityTimesDt >= 0) || !double.IsFinite(viscosityTimesDt))
            throw new ArgumentOutOfRangeException(nameof(viscosityTimesDt), viscosityTimesDt, "ν·dt must be a finite number >= 0 (m²)");
        ViscosityTimesDt = viscosityTimesDt;
        _weight = viscosityTimesDt / (Grid.CellSize * Grid.CellSize);
        if (_built && cells.SequenceEqual(_cells)) return;
        cells.CopyTo(_cells);
        Number();
        Link();
        _built = true;
    }

    /// <summary>y = A·x on the free faces.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        var w = _weight;
        var slots = _slots;
        for (var k = 0; k < Size; k++)
        {
            var neighbours = 0.0;
            var s = SlotsPerUnknown * k;
            for (var d = 0; d < SlotsPerUnknown; d++)
            {
                var m = slots[s + d];
                if (m >= 0) neighbours += x[m];
            }
            y[k] = (1 + w * _degree[k]) * x[k] - w * neighbours;
        }
    }

    /// <summary>x[k] = the current value of unknown k's face (the warm start).</summary>
    public void Gather(ReadOnlySpan<double> faces, Span<double> x)
    {
        for (var k = 0; k < Size; k++) x[k] = faces[_faceOf[k]];
    }

    /// <summary>b = uⁿ on the free faces plus w·(Dirichlet data of fixed neighbours), read from <paramref name="faces"/>.</summary>
    public void BuildRightHandSide(ReadOnlySpan<double> faces, Span<double> b)
    {
        var w = _weight;
        var slots = _slots;
        for (var k = 0; k < Size; k++)
        {
            var sum = faces[_faceOf[k]] + w * _wallData[k];
            var s = SlotsPerUnknown * k;
            for (var d = 0; d < SlotsPerUnknown; d++)
            {
                var m = slots[s + d];
                if (m <= -2) sum += w * faces[-2 - m];
            }
            b[k] = sum;
        }
    }

    /// <summary>Writes the unknowns back to their faces (both faces of a periodic pair); fixed faces are untouched.</summary>
    public void Scatter(ReadOnlySpan<double> x, Span<double> faces)
    {
        for (var f = 0; f < FaceCount; f++)
        {
            var k = _unknownOf[f];
            if (k >= 0) faces[f] = x[k];
        }
    }

    private int Face(int n, int t) => n * _faceStrideN + t * _faceStrideT;

    private bool IsSolid(int n, int t) => _cells[n * _cellStrideN + t * _cellStrideT] == CellKind.Solid;

    // Numbers the free faces; t outer, n inner, so face n = 0 is numbered before its periodic duplicate n = N.
    private void Number()
    {
        var count = 0;
        for (var t = 0; t < _tangentCount; t++)
        {
            for (var n = 0; n <= _normalCount; n++)
            {
                var face = Face(n, t);
                if (_periodicNormal && n == _normalCount)
                {
                    _unknownOf[face] = _unknownOf[Face(0, t)];
                    continue;
                }
                if (IsFixed(n, t))
                {
                    _unknownOf[face] = -1;
                    continue;
                }
                _unknownOf[face] = count;
                _faceOf[count] = face;
                count++;
            }
        }
        Size = count;
    }

    private bool IsFixed(int n, int t)
    {
        // The cells on either side of the face; across a periodic side the lower one wraps.
        var low = n > 0 ? n - 1 : _periodicNormal ? _normalCount - 1 : -1;
        var high = n < _normalCount ? n : -1;
        if ((low >= 0 && IsSolid(low, t)) || (high >= 0 && IsSolid(high, t))) return true;
        if (_periodicNormal) return false;
        if (n == 0) return _normalLow.Kind != SideKind.Outflow;
        if (n == _normalCount) return _normalHigh.Kind != SideKind.Outflow;
        return false;
    }

    private void Link()
    {
        for (var k = 0; k < Size; k++)
        {
            var face = _faceOf[k];
            var (n, t) = Component == VelocityComponent.U
                ? (face % _faceStrideT, face / _faceStrideT)
                : (face / _faceStrideN, face % _faceStrideN);
            var degree = 0.0;
            var wall = 0.0;
            var s = SlotsPerUnknown * k;
            _slots[s + 0] = NormalNeighbour(n - 1, t, ref degree);
            _slots[s + 1] = NormalNeighbour(n + 1, t, ref degree);
            _slots[s + 2] = TangentNeighbour(n, t - 1, _tangentLow, ref degree, ref wall);
            _slots[s + 3] = TangentNeighbour(n, t + 1, _tangentHigh, ref degree, ref wall);
            _degree[k] = degree;
            _wallData[k] = wall;
        }
    }

    // The neighbour along the normal axis at index n (possibly one past either end).
    private int NormalNeighbour(int n, int t, ref double degree)
    {
        if (_periodicNormal) n = (n + _normalCount) % _normalCount;
        // Only a free Outflow face lies at n = 0 or N; beyond it is a zero-gradient ghost equal to itself.
        else if (n < 0 || n > _normalCount) return NoNeighbour;
        return FaceNeighbour(Face(n, t), ref degree);
    }

    // The neighbour along the tangential axis at index t, which may lie outside the side.
    private int TangentNeighbour(int n, int t, FlowSide side, ref double degree, ref double wall)
    {
        if (t < 0 || t >= _tangentCount)
        {
            switch (side.Kind)
            {
                case SideKind.Periodic:
                    t = (t + _tangentCount) % _tangentCount;
                    break;
                case SideKind.NoSlip or SideKind.Inflow:
                    // Ghost 2·u_wall − u: (2u_wall − 2u)·w puts 2w on the diagonal and 2w·u_wall on the right-hand
                    // side. u_wall is a NoSlip side's tangential speed (a moving lid); inflow has none.
                    degree += 2;
                    if (side.Kind == SideKind.NoSlip) wall += 2 * side.Speed;
                    return NoNeighbour;
                default:
                    // FreeSlip, Outflow: ghost +u, (u − u)·w = 0.
                    return NoNeighbour;
            }
        }
        return FaceNeighbour(Face(n, t), ref degree);
    }

    // A face neighbour inside the domain: an unknown, or a fixed face whose value is Dirichlet data. For a face
    // touching an obstacle this puts the no-slip value at that face, h from the free face, rather than on the solid's
    // surface h/2 away: a first-order approximation of no-slip on obstacles (walls of the domain use the second-order
    // −u ghost instead).
    private int FaceNeighbour(int face, ref double degree)
    {
        degree += 1;
        var m = _unknownOf[face];
        return m >= 0 ? m : -2 - face;
    }
}
