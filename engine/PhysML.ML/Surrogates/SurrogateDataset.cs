using PhysML.Core.Errors;
using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Trajectories of one problem from the reference solver: per sample its initial condition [S] and solution
/// [Times·S] (t-major), and the seed that drew the initial condition, which is what splits train from test.
/// </summary>
public sealed class SurrogateDataset
{
    public SurrogateDataset(string problem, SurrogateGrid grid, IReadOnlyList<float[]> initial, IReadOnlyList<float[]> solutions, IReadOnlyList<int> seeds)
    {
        if (initial.Count != solutions.Count || initial.Count != seeds.Count || initial.Count == 0)
            throw Invalid(problem, $"{initial.Count} initial conditions, {solutions.Count} solutions and {seeds.Count} seeds (need the same number, at least 1)");
        for (var i = 0; i < initial.Count; i++)
            if (initial[i].Length != grid.Spatial || solutions[i].Length != grid.Points)
                throw Invalid(problem, $"sample {i} has {initial[i].Length} initial values and {solutions[i].Length} solution values; the grid needs {grid.Spatial} and {grid.Points}");
        Problem = problem;
        Grid = grid;
        Initial = initial;
        Solutions = solutions;
        Seeds = seeds;
    }

    public string Problem { get; }
    public SurrogateGrid Grid { get; }
    public IReadOnlyList<float[]> Initial { get; }
    public IReadOnlyList<float[]> Solutions { get; }
    public IReadOnlyList<int> Seeds { get; }
    public int Count => Initial.Count;

    /// <summary>Initial conditions [batch, S] and solutions [batch, Times, S] of the given samples, float32.</summary>
    public (Tensor Initial, Tensor Solution) Batch(IReadOnlyList<int> indices)
    {
        var u0 = new float[indices.Count * Grid.Spatial];
        var u = new float[indices.Count * Grid.Points];
        for (var i = 0; i < indices.Count; i++)
        {
            Initial[indices[i]].CopyTo(u0, i * Grid.Spatial);
            Solutions[indices[i]].CopyTo(u, i * Grid.Points);
        }
        return (tensor(u0).view(indices.Count, Grid.Spatial), tensor(u).view(indices.Count, Grid.Times, Grid.Spatial));
    }

    private static PhysMLException Invalid(string problem, string message) =>
        new(ErrorCodes.SurrogateSettingsInvalid, ErrorCategory.BadInput, $"{problem} dataset: {message}");
}
