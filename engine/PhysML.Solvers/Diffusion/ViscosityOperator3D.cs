using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Solvers.Diffusion;

/// <summary>
/// A = I − ν·dt·∇²_h for one velocity component on its own faces of a 3D MAC grid (backward Euler viscosity, e.g.
/// Bridson, Fluid Simulation for Computer Graphics, 2nd ed., ch. 10), restricted to the component's free faces and
/// matrix-free. With w = ν·dt/h², row k is (1 + w·d_k)·x_k − w·Σ x_neighbour over the (up to six) neighbours, so
/// A = I + w·L with L a 7-point graph Laplacian plus extra diagonal weight: symmetric positive definite for every w ≥ 0.
/// It is also the 2D operator: <see cref="ViscosityOperator2D"/> is this one on one layer with free-slip back and
/// front sides, whose +u ghosts add nothing.
/// <para>
/// Fixed faces keep their value and are Dirichlet data for their neighbours (moved to the right-hand side by
/// <see cref="BuildRightHandSide"/>, so A keeps only free–free couplings and stays symmetric): faces touching a solid
/// cell (obstacles, their current value: 0, or a moving obstacle's velocity set by the caller) and the normal faces
/// of NoSlip, FreeSlip (0) and Inflow sides (their current value). Outflow normal faces are free, with a
/// zero-gradient ghost beyond them.
/// </para>
/// <para>
/// A free face's neighbour outside a side across a tangential axis is a ghost: 2·u_wall − u on NoSlip and Inflow
/// sides (the wall lies midway, so u = u_wall there to second order; u_wall is 0 except on a moving NoSlip wall, whose
/// <see cref="FlowSide.Speed"/> runs along the wall's first tangential axis in x, y, z order: y for left/right, x for
/// bottom/top and back/front, as the one tangential axis in 2D), +u on FreeSlip and Outflow sides (zero stress or
/// gradient), the wrapped face on Periodic sides. On a periodic axis along the component's normal the last face
/// duplicates the first and is the same unknown; <see cref="Scatter"/> writes both.
/// </para>
/// Not thread-safe: <see cref="Prepare"/> rebuilds the stencil in place.
/// </summary>
public sealed class ViscosityOperator3D : IParallelLinearOperator
{
    // A neighbour slot holds an unknown index (≥ 0), NoNeighbour (a +u ghost or the face itself: no contribution), or
    // a fixed face f encoded as −2 − f (Dirichlet data for the right-hand side).
    private const int NoNeighbour = -1;
    private const int SlotsPerUnknown = 6;
    // Unknowns per task of the threaded Apply: large enough that scheduling costs little next to the work.
    private const int BlockSize = 8192;

    private readonly int _normal;
    private readonly int[] _faceCount = new int[3];
    private readonly int[] _cellCount;
    private readonly int[] _faceStride = new int[3];
    private readonly int[] _cellStride;
    private readonly FlowSide[] _low;
    private readonly FlowSide[] _high;
    private readonly bool[] _periodic;

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

    public ViscosityOperator3D(MacGrid3D grid, FlowBoundary3D boundary, VelocityComponent component)
    {
        Grid = grid;
        Boundary = boundary;
        Component = component;
        _normal = (int)component;
        _cellCount = [grid.Nx, grid.Ny, grid.Nz];
        _cellStride = [1, grid.Nx, grid.Nx * grid.Ny];
        _low = [boundary.Left, boundary.Bottom, boundary.Back];
        _high = [boundary.Right, boundary.Top, boundary.Front];
        _periodic = [boundary.PeriodicX, boundary.PeriodicY, boundary.PeriodicZ];
        for (var a = 0; a < 3; a++) _faceCount[a] = _cellCount[a] + (a == _normal ? 1 : 0);
        // C order with x fastest, as MacGrid3D lays out every face array.
        (_faceStride[0], _faceStride[1], _faceStride[2]) = (1, _faceCount[0], _faceCount[0] * _faceCount[1]);
        FaceCount = _faceCount[0] * _faceCount[1] * _faceCount[2];
        _cells = new CellKind[grid.CellCount];
        _unknownOf = new int[FaceCount];
        _faceOf = new int[FaceCount];
        _degree = new double[FaceCount];
        _wallData = new double[FaceCount];
        _slots = new int[SlotsPerUnknown * FaceCount];
    }

    public MacGrid3D Grid { get; }
    public FlowBoundary3D Boundary { get; }
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
    /// <see cref="Apply(ReadOnlySpan{double}, Span{double})"/>).
    /// </summary>
    public void Prepare(ReadOnlySpan<CellKind> cells, double viscosityTimesDt)
    {
        if (cells.Length != Grid.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny}×{Grid.Nz} grid", nameof(cells));
        RequireViscosityTimesDt(viscosityTimesDt);
        ViscosityTimesDt = viscosityTimesDt;
        _weight = viscosityTimesDt / (Grid.CellSize * Grid.CellSize);
        if (_built && cells.SequenceEqual(_cells)) return;
        cells.CopyTo(_cells);
        Number();
        Link();
        _built = true;
    }

    /// <summary>Throws unless ν·dt (m²) is a finite number ≥ 0.</summary>
    internal static void RequireViscosityTimesDt(double viscosityTimesDt)
    {
        if (!(viscosityTimesDt >= 0) || !double.IsFinite(viscosityTimesDt))
            throw new ArgumentOutOfRangeException(nameof(viscosityTimesDt), viscosityTimesDt, "ν·dt must be a finite number >= 0 (m²)");
    }

    /// <summary>y = A·x on the free faces.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => ApplyRange(x, y, 0, Size);

    /// <summary>Blocks of unknowns in parallel, each output written once: the same bits as the span overload.</summary>
    public void Apply(double[] x, double[] y, ParallelOptions parallel) =>
        Parallel.For(0, (Size + BlockSize - 1) / BlockSize, parallel,
            b => ApplyRange(x, y, b * BlockSize, Math.Min(Size, (b + 1) * BlockSize)));

    private void ApplyRange(ReadOnlySpan<double> x, Span<double> y, int start, int end)
    {
        var w = _weight;
        var slots = _slots;
        for (var k = start; k < end; k++)
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

    /// <summary>b = uⁿ on the free faces plus w·(Dirichlet data of fixed neighbours and moving walls), read from
    /// <paramref name="faces"/>.</summary>
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

    private int Face(ReadOnlySpan<int> c) => c[0] * _faceStride[0] + c[1] * _faceStride[1] + c[2] * _faceStride[2];

    // The face's coordinates (index along x, y, z) from its index.
    private void Coordinates(int face, Span<int> c)
    {
        c[0] = face % _faceCount[0];
        c[1] = face / _faceCount[0] % _faceCount[1];
        c[2] = face / (_faceCount[0] * _faceCount[1]);
    }

    // Whether the cell at c, with its normal-axis index replaced by n, is solid.
    private bool IsSolid(ReadOnlySpan<int> c, int n)
    {
        var cell = 0;
        for (var a = 0; a < 3; a++) cell += (a == _normal ? n : c[a]) * _cellStride[a];
        return _cells[cell] == CellKind.Solid;
    }

    // Numbers the free faces in memory order: along the normal axis face 0 comes before its periodic duplicate N.
    private void Number()
    {
        Span<int> c = stackalloc int[3];
        var count = 0;
        var last = _cellCount[_normal];
        for (var face = 0; face < FaceCount; face++)
        {
            Coordinates(face, c);
            if (_periodic[_normal] && c[_normal] == last)
            {
                _unknownOf[face] = _unknownOf[face - last * _faceStride[_normal]];
                continue;
            }
            if (IsFixed(c))
            {
                _unknownOf[face] = -1;
                continue;
            }
            _unknownOf[face] = count;
            _faceOf[count] = face;
            count++;
        }
        Size = count;
    }

    private bool IsFixed(ReadOnlySpan<int> c)
    {
        // The cells on either side of the face; across a periodic side the lower one wraps.
        var (n, last, periodic) = (c[_normal], _cellCount[_normal], _periodic[_normal]);
        var low = n > 0 ? n - 1 : periodic ? last - 1 : -1;
        var high = n < last ? n : -1;
        if ((low >= 0 && IsSolid(c, low)) || (high >= 0 && IsSolid(c, high))) return true;
        if (periodic) return false;
        if (n == 0) return _low[_normal].Kind != SideKind.Outflow;
        if (n == last) return _high[_normal].Kind != SideKind.Outflow;
        return false;
    }

    private void Link()
    {
        Span<int> c = stackalloc int[3];
        for (var k = 0; k < Size; k++)
        {
            Coordinates(_faceOf[k], c);
            var degree = 0.0;
            var wall = 0.0;
            var s = SlotsPerUnknown * k;
            _slots[s++] = Neighbour(c, _normal, -1, ref degree, ref wall);
            _slots[s++] = Neighbour(c, _normal, +1, ref degree, ref wall);
            for (var a = 0; a < 3; a++)
            {
                if (a == _normal) continue;
                _slots[s++] = Neighbour(c, a, -1, ref degree, ref wall);
                _slots[s++] = Neighbour(c, a, +1, ref degree, ref wall);
            }
            _degree[k] = degree;
            _wallData[k] = wall;
        }
    }

    // The neighbour one step (±1) along axis a, possibly beyond a side.
    private int Neighbour(ReadOnlySpan<int> c, int a, int step, ref double degree, ref double wall)
    {
        Span<int> n = stackalloc int[3];
        c.CopyTo(n);
        n[a] += step;
        if (n[a] >= 0 && n[a] < _faceCount[a]) return FaceNeighbour(Face(n), ref degree);
        var count = _cellCount[a];
        if (_periodic[a])
        {
            n[a] = (n[a] + count) % count;
            return FaceNeighbour(Face(n), ref degree);
        }
        // Only a free Outflow face lies at either end of the normal axis; beyond it is a zero-gradient ghost.
        if (a == _normal) return NoNeighbour;
        var side = step < 0 ? _low[a] : _high[a];
        if (side.Kind is not (SideKind.NoSlip or SideKind.Inflow)) return NoNeighbour; // FreeSlip, Outflow: ghost +u.
        // Ghost 2·u_wall − u: (2u_wall − 2u)·w puts 2w on the diagonal and 2w·u_wall on the right-hand side.
        degree += 2;
        if (side.Kind == SideKind.NoSlip && _normal == FirstTangentialAxis(a)) wall += 2 * side.Speed;
        return NoNeighbour;
    }

    /// <summary>The axis a moving wall normal to <paramref name="wallNormal"/> slides along: y for left/right, x for
    /// bottom/top and back/front.</summary>
    public static int FirstTangentialAxis(int wallNormal) => wallNormal == 0 ? 1 : 0;

    // A face neighbour inside the domain: an unknown, or a fixed face whose value is Dirichlet data. For a face
    // touching an obstacle this puts the no-slip value at that face, h from the free face, rather than on the solid's
    // surface h/2 away: a first-order approximation of no-slip on obstacles (walls of the domain use the second-order
    // ghost instead).
    private int FaceNeighbour(int face, ref double degree)
    {
        degree += 1;
        var m = _unknownOf[face];
        return m >= 0 ? m : -2 - face;
    }
}
