using PhysML.ML.Preconditioners;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using static TorchSharp.torch;

namespace PhysML.ML.Tests;

[Collection(TorchCollection.Name)]
public class StencilTensorsTests
{
    // float32 tensors against the float64 stencil: entries are O(1) sums of ≤ 7 terms, so 1e-5 relative is a few ulps.
    [Theory]
    [InlineData(2, 24, 1)]
    [InlineData(2, 20, 5)]
    [InlineData(3, 12, 2)]
    [InlineData(3, 10, 9)]
    public void Apply_matches_the_stencil_operator(int dimensions, int n, int seed)
    {
        TorchCollection.Seeded();
        var a = RandomObstacleSystems.Create(dimensions, n, seed);
        var random = new Random(seed);
        var x = Enumerable.Range(0, a.Size).Select(_ => random.NextDouble() - 0.5).ToArray();
        var expected = new double[a.Size];
        a.Apply(x, expected);

        using var scope = NewDisposeScope();
        using var tensors = new StencilTensors(a);
        var actual = tensors.Apply(tensors.Field(x)).data<float>().ToArray().Select(v => (double)v).ToArray();

        Assert.True(VectorOps.RelativeError(actual, expected) < 1e-5);
    }

    [Fact]
    public void Periodic_wraps_are_applied()
    {
        TorchCollection.Seeded();
        var grid = new PhysML.Fields.Mac.MacGrid2D(8, 6, 1.0);
        var side = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.Periodic);
        var wall = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.Outflow);
        var a = new PhysML.Solvers.Pressure.PressurePoisson2D(grid, new PhysML.Fields.Mac.FlowBoundary(side, side, wall, wall),
            new PhysML.Fields.Mac.CellKind[48]);
        var x = Enumerable.Range(0, 48).Select(i => Math.Sin(i)).ToArray();
        var expected = new double[48];
        a.Apply(x, expected);
        using var scope = NewDisposeScope();
        using var tensors = new StencilTensors(a);
        var actual = tensors.Apply(tensors.Field(x)).data<float>().ToArray().Select(v => (double)v).ToArray();
        Assert.True(VectorOps.RelativeError(actual, expected) < 1e-5);
    }
}
