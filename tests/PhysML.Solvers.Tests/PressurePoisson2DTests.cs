using PhysML.Fields.Mac;
using PhysML.Solvers.Pressure;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class PressurePoisson2DTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Configurations => new()
    {
        { "closed", 12, 10 },
        { "periodic", 12, 10 },
        { "periodicX-inflow-outflow", 12, 10 },
        { "all-outflow", 12, 10 },
        // Two cells across a periodic axis: both faces of a cell join the same neighbour (off-diagonal −2).
        { "periodic", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Is_symmetric_and_positive_semi_definite_with_solids(string sides, int nx, int ny)
    {
        var grid = new MacGrid2D(nx, ny, 0.1);
        var cells = RandomCells(grid, seed: 7, solidFraction: 0.2);
        var a = new PressurePoisson2D(grid, Sides(sides), cells);
        var dense = Dense(a);
        var n = a.Size;

        for (var r = 0; r < n; r++)
        {
            var offDiagonal = 0.0;
            for (var c = 0; c < n; c++)
            {
                // The stencil holds small integers, so symmetry is exact, not approximate.
                Assert.Equal(dense[r, c], dense[c, r]);
                if (c != r) offDiagonal += Math.Abs(dense[r, c]);
            }
            // Gershgorin: a symmetric matrix whose diagonal dominates (weakly) its rows is positive semi-definite.
            Assert.True(dense[r, r] >= offDiagonal, $"row {r}: diagonal {dense[r, r]} < off-diagonal sum {offDiagonal}");
            if (cells[r] == CellKind.Solid)
                for (var c = 0; c < n; c++) Assert.Equal(r == c ? 1.0 : 0.0, dense[r, c]);
        }

        var random = new Random(11);
        for (var trial = 0; trial < 20; trial++)
        {
            var x = RandomVector(random, n);
            var y = RandomVector(random, n);
            var ax = new double[n];
            var ay = new double[n];
            a.Apply(x, ax);
            a.Apply(y, ay);
            // Entries of x, y are O(1) and rows have ≤ 5 entries ≤ 4, so each dot product is O(100) and a few
            // hundred rounding errors of 1e-16 relative stay far below 1e-11.
            Assert.Equal(VectorOps.Dot(x, ay), VectorOps.Dot(y, ax), 11);
            Assert.True(VectorOps.Dot(x, ax) >= -1e-11);
        }
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("periodic")]
    public void The_constant_on_each_floating_region_is_the_null_space(string sides)
    {
        var grid = new MacGrid2D(12, 10, 0.1);
        var cells = RandomCells(grid, seed: 3, solidFraction: 0.3);
        var a = new PressurePoisson2D(grid, Sides(sides), cells);
        Assert.True(a.IsSingular);
        Assert.True(a.RegionCount > 1, "this seed was chosen because its solids split the fluid into several regions");

        for (var region = 0; region < a.RegionCount; region++)
        {
            Assert.True(a.IsFloating(region));
            var x = new double[a.Size];
            for (var k = 0; k < a.Size; k++) x[k] = a.RegionOf(k) == region ? 1 : 0;
            var y = new double[a.Size];
            a.Apply(x, y);
            Assert.All(y, value => Assert.Equal(0.0, value));
        }
    }

    [Fact]
    public void An_outflow_side_anchors_the_pressure()
    {
        var grid = new MacGrid2D(8, 6, 0.1);
        var cells = new CellKind[grid.CellCount];
        var boundary = FlowBoundary.ClosedBox with { Right = new FlowSide(SideKind.Outflow) };
        var a = new PressurePoisson2D(grid, boundary, cells);
        Assert.False(a.IsSingular);
        Assert.Equal(1, a.RegionCount);
        Assert.False(a.IsFloating(0));
        var dense = Dense(a);
        // Bottom-right corner: west and north fluid neighbours plus the outflow ghost.
        var k = grid.Cell(7, 0);
        Assert.Equal(3.0, dense[k, k]);
        Assert.Equal(-1.0, dense[k, grid.Cell(6, 0)]);
        Assert.Equal(-1.0, dense[k, grid.Cell(7, 1)]);
    }

    public static TheoryData<string> ManufacturedCases => new() { "cos(πx)cos(πy)", "cos(4πx)cos(4πy) around a block" };

    /// <summary>
    /// −h²∇²φ = b with b from the exact continuous Laplacian. All-Neumann walls: φ = cos(πx)cos(πy) has zero normal
    /// derivative on the unit square's sides. With a solid block [¼, ¾]², φ = cos(4πx)cos(4πy) also has zero normal
    /// derivative on the block's faces (∂x φ = 0 at x = ¼, ¾, ∂y φ = 0 at y = ¼, ¾), so it is the exact solution on
    /// the square annulus. Both b sum to zero over the fluid by symmetry, so the singular systems are compatible.
    /// </summary>
    [Theory]
    [MemberData(nameof(ManufacturedCases))]
    public void Converges_at_second_order_to_a_manufactured_Neumann_solution(string name)
    {
        var withBlock = name.Contains("block");
        var sizes = new[] { 32, 64, 128 };
        var errors = new double[sizes.Length];
        for (var s = 0; s < sizes.Length; s++)
            errors[s] = ManufacturedError(sizes[s], withBlock);

        for (var s = 1; s < sizes.Length; s++)
        {
            var order = Math.Log2(errors[s - 1] / errors[s]);
            output.WriteLine($"{name}: N {sizes[s - 1]}→{sizes[s]}: max error {errors[s - 1]:E3}→{errors[s]:E3}, order {order:F3}");
            Assert.InRange(order, 1.8, 2.2);
        }
    }

    private static double ManufacturedError(int n, bool withBlock)
    {
        var grid = new MacGrid2D(n, n, 1.0 / n);
        var h = grid.CellSize;
        var k = withBlock ? 4 * Math.PI : Math.PI;
        var cells = new CellKind[grid.CellCount];
        var exact = new double[grid.CellCount];
        var b = new double[grid.CellCount];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var (x, y) = ((i + 0.5) * h, (j + 0.5) * h);
                var c = grid.Cell(i, j);
                if (withBlock && x is > 0.25 and < 0.75 && y is > 0.25 and < 0.75)
                {
                    cells[c] = CellKind.Solid;
                    continue;
                }
                exact[c] = Math.Cos(k * x) * Math.Cos(k * y);
                b[c] = -h * h * (-2 * k * k * exact[c]); // A = −h²∇², ∇²φ = −2k²φ.
            }
        }
        var a = new PressurePoisson2D(grid, FlowBoundary.ClosedBox, cells);
        Assert.True(a.IsSingular);
        Assert.Equal(1, a.RegionCount);
        SubtractFluidMean(b, cells);

        var phi = new double[grid.CellCount];
        // 1e-12 keeps the algebraic error (≲ κ·1e-12 with κ ~ N²) far below the O(h²) ≈ 1e-5 discretisation error.
        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-12, MaxIterations = 20_000 })
            .Solve(a, b, phi);
        Assert.True(info.Converged, $"N = {n}: {info.Iterations} iterations, residual {info.RelativeResidual:E2}");

        SubtractFluidMean(phi, cells);
        SubtractFluidMean(exact, cells);
        var error = 0.0;
        for (var c = 0; c < phi.Length; c++)
            if (cells[c] == CellKind.Fluid) error = Math.Max(error, Math.Abs(phi[c] - exact[c]));
        return error;
    }

    internal static void SubtractFluidMean(double[] values, CellKind[] cells)
    {
        var (sum, count) = (0.0, 0);
        for (var c = 0; c < values.Length; c++)
            if (cells[c] == CellKind.Fluid) (sum, count) = (sum + values[c], count + 1);
        for (var c = 0; c < values.Length; c++)
            if (cells[c] == CellKind.Fluid) values[c] -= sum / count;
    }

    internal static FlowBoundary Sides(string name) => name switch
    {
        "closed" => FlowBoundary.ClosedBox,
        "periodic" => FlowBoundary.All(new FlowSide(SideKind.Periodic)),
        "periodicX-inflow-outflow" => new FlowBoundary(
            new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic),
            new FlowSide(SideKind.Inflow, 1, InflowProfile.Parabolic), new FlowSide(SideKind.Outflow)),
        "all-outflow" => FlowBoundary.All(new FlowSide(SideKind.Outflow)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static CellKind[] RandomCells(MacGrid2D grid, int seed, double solidFraction)
    {
        var random = new Random(seed);
        var cells = new CellKind[grid.CellCount];
        for (var c = 0; c < cells.Length; c++)
            cells[c] = random.NextDouble() < solidFraction ? CellKind.Solid : CellKind.Fluid;
        return cells;
    }

    private static double[] RandomVector(Random random, int n)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = 2 * random.NextDouble() - 1;
        return x;
    }

    private static double[,] Dense(ILinearOperator a)
    {
        var n = a.Size;
        var dense = new double[n, n];
        var e = new double[n];
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            e[c] = 1;
            a.Apply(e, column);
            e[c] = 0;
            for (var r = 0; r < n; r++) dense[r, c] = column[r];
        }
        return dense;
    }
}
