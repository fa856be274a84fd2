using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Solvers.Diffusion;

/// <summary>
/// A = I − ν·dt·∇²_h for one velocity component (u or v) of a 2D MAC grid, on its free faces: the 5-point form of
/// <see cref="ViscosityOperator3D"/>, which it is, run on one layer (a 2D array is a 3D one with Nz = 1, index for
/// index) between free-slip back and front sides, whose +u ghosts contribute nothing. Which faces are free, the ghosts
/// at sides and obstacles, and a moving NoSlip wall's speed (along the wall: u for bottom/top, v for left/right) are
/// described there.
/// Not thread-safe: <see cref="Prepare"/> rebuilds the stencil in place.
/// </summary>
public sealed class ViscosityOperator2D : ILinearOperator
{
    public ViscosityOperator2D(MacGrid2D grid, FlowBoundary boundary, VelocityComponent component)
    {
        if (component == VelocityComponent.W)
            throw new ArgumentOutOfRangeException(nameof(component), component, "a 2D grid has u and v only");
        Grid = grid;
        Boundary = boundary;
        Component = component;
        var sides = new FlowSide(SideKind.FreeSlip);
        Layer = new ViscosityOperator3D(new MacGrid3D(grid.Nx, grid.Ny, 1, grid.CellSize),
            new FlowBoundary3D(boundary.Left, boundary.Right, boundary.Bottom, boundary.Top, sides, sides), component);
    }

    public MacGrid2D Grid { get; }
    public FlowBoundary Boundary { get; }
    public VelocityComponent Component { get; }

    /// <summary>The operator as the one-layer 3D grid it runs on.</summary>
    public ViscosityOperator3D Layer { get; }

    /// <summary>The number of faces of the component (free and fixed).</summary>
    public int FaceCount => Layer.FaceCount;

    /// <summary>The number of unknowns: free faces, a periodic duplicate counted once.</summary>
    public int Size => Layer.Size;

    /// <summary>ν·dt (m²) of the last <see cref="Prepare"/>.</summary>
    public double ViscosityTimesDt => Layer.ViscosityTimesDt;

    /// <summary>The unknown a face maps to, or −1 for a fixed face. A periodic duplicate maps to its twin's unknown.</summary>
    public int UnknownOf(int face) => Layer.UnknownOf(face);

    /// <summary>The face an unknown was numbered from (the first of a periodic pair).</summary>
    public int FaceOf(int unknown) => Layer.FaceOf(unknown);

    /// <summary>Sets ν·dt (m², ≥ 0) and the cell kinds; rebuilds the stencil only when the cells changed.</summary>
    public void Prepare(ReadOnlySpan<CellKind> cells, double viscosityTimesDt)
    {
        if (cells.Length != Grid.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny} grid", nameof(cells));
        Layer.Prepare(cells, viscosityTimesDt);
    }

    /// <summary>y = A·x on the free faces.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => Layer.Apply(x, y);

    /// <summary>x[k] = the current value of unknown k's face (the warm start).</summary>
    public void Gather(ReadOnlySpan<double> faces, Span<double> x) => Layer.Gather(faces, x);

    /// <summary>b = uⁿ on the free faces plus w·(Dirichlet data of fixed neighbours), read from <paramref name="faces"/>.</summary>
    public void BuildRightHandSide(ReadOnlySpan<double> faces, Span<double> b) => Layer.BuildRightHandSide(faces, b);

    /// <summary>Writes the unknowns back to their faces (both faces of a periodic pair); fixed faces are untouched.</summary>
    public void Scatter(ReadOnlySpan<double> x, Span<double> faces) => Layer.Scatter(x, faces);
}
