using PhysML.Fields.Mac;
using PhysML.ML.Preconditioners;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;
using static TorchSharp.torch;

namespace PhysML.ML.Tests;

[Collection(TorchCollection.Name)]
public class MultigridTensorsTests
{
    public static TheoryData<string> Systems() => ["2d-24", "2d-odd-19", "3d-12", "3d-odd-11", "2d-periodic"];

    private static IPoissonStencil System(string name) => name switch
    {
        "2d-24" => RandomObstacleSystems.Create(2, 24, 1),
        "2d-odd-19" => RandomObstacleSystems.Create(2, 19, 2),
        "3d-12" => RandomObstacleSystems.Create(3, 12, 3),
        "3d-odd-11" => RandomObstacleSystems.Create(3, 11, 5),
        _ => PeriodicChannel(),
    };

    // Periodic in x (16 cells: halved while even), walls below, open above, a block in the middle.
    private static IPoissonStencil PeriodicChannel()
    {
        var grid = new MacGrid2D(16, 10, 0.1);
        var cells = new CellKind[grid.CellCount];
        for (var j = 3; j < 6; j++) for (var i = 6; i < 9; i++) cells[grid.Cell(i, j)] = CellKind.Solid;
        var periodic = new FlowSide(SideKind.Periodic);
        return new PressurePoisson2D(grid, new FlowBoundary(periodic, periodic, new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.Outflow)), cells);
    }

    // The tensor V-cycle repeats the CPU one in float32: the V-cycle is a bounded operator (‖M‖ ≲ the number of
    // cells along the largest axis), so agreement to 1e-5 relative is float32 rounding through ~60 sweeps, not luck.
    [Theory]
    [MemberData(nameof(Systems))]
    public void The_tensor_V_cycle_equals_the_CPU_V_cycle(string name)
    {
        TorchCollection.Seeded();
        var a = System(name);
        var random = new Random(11);
        var r = Enumerable.Range(0, a.Size).Select(n => a.IsUnknown(n) ? random.NextDouble() - 0.5 : 0).ToArray();
        var options = new MultigridOptions { Sweeps = 2 };

        // Uniform ω, and a random per-cell ω field on every level.
        var cpu = new MultigridPreconditioner(a, options);
        var weights = cpu.Hierarchy.Levels.Select(l => Enumerable.Range(0, l.Shape.CellCount).Select(_ => 0.3 + 0.6 * random.NextDouble()).ToArray()).ToArray();
        var cpuWeighted = new MultigridPreconditioner(a, options, smootherWeights: weights);
        foreach (var (preconditioner, omega) in new[] { (cpu, (double[][]?)null), (cpuWeighted, weights) })
        {
            var expected = new double[a.Size];
            preconditioner.Apply(r, expected);

            using var scope = NewDisposeScope();
            using var tensors = new MultigridTensors(new MultigridHierarchy(a));
            var omegaTensors = Enumerable.Range(0, tensors.LevelCount)
                .Select(l => omega is null ? tensor(0.8f) : tensors.Stencil(l).Field(omega[l])).ToArray();
            var actual = tensors.Cycle(tensors.Stencil(0).Field(r), omegaTensors, options)
                .data<float>().ToArray().Select(v => (double)v).ToArray();
            Assert.True(VectorOps.RelativeError(actual, expected) < 1e-5, $"{name}: {VectorOps.RelativeError(actual, expected):E2}");
        }
    }
}
