using PhysML.DiffusionSorption;

namespace PhysML.DiffusionSorption.Tests;

public class DeterminismTests
{
    private static double[] Trajectory(int seed, InitialKind kind)
    {
        var rod = new DiffusionSorptionRod { Nx = 128, Initial = new InitialConcentration { Kind = kind } };
        var simulation = new DiffusionSorptionSimulation(rod, seed);
        var frames = new List<double>(simulation.U);
        for (var s = 0; s < 20; s++)
        {
            simulation.Step(5);
            frames.AddRange(simulation.U);
        }
        return frames.ToArray();
    }

    [Theory]
    [InlineData(InitialKind.RandomConstant)]
    [InlineData(InitialKind.RandomUniform)]
    public void The_same_seed_gives_a_bitwise_identical_trajectory_and_another_seed_does_not(InitialKind kind)
    {
        var first = Trajectory(42, kind);
        Assert.Equal(first, Trajectory(42, kind)); // exact equality: nothing in a step depends on time or threads
        Assert.NotEqual(first, Trajectory(43, kind));
    }

    [Fact]
    public void Initial_kinds_draw_as_documented()
    {
        var constant = new DiffusionSorptionSimulation(new DiffusionSorptionRod { Nx = 64 }, seed: 1).U;
        Assert.All(constant, u => Assert.Equal(constant[0], u));
        Assert.Equal(0.2 * new Random(1).NextDouble(), constant[0], 15);

        var noise = new DiffusionSorptionSimulation(new DiffusionSorptionRod
            { Nx = 4096, Initial = new InitialConcentration { Kind = InitialKind.RandomUniform } }, seed: 1).U;
        Assert.All(noise, u => Assert.InRange(u, 0, 0.2));
        Assert.InRange(noise.Average(), 0.1 - 0.003, 0.1 + 0.003); // σ of the mean: 0.2/√12/√4096 ≈ 9e-4; ±3.3σ
    }
}
