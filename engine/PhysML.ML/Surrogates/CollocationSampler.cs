using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Draws collocation points: the same number P for every expert (so the experts' solves batch), uniformly without
/// replacement from the points of its subdomain where the PDE is defined, and Q initial-condition points from its
/// subdomain at t = 0. System.Random with a seed: a seed gives the same points.
/// </summary>
public sealed class CollocationSampler
{
    private readonly int[][] _pdeCandidates;
    private readonly int[][] _members;
    private readonly Random _random;

    public CollocationSampler(ISurrogateProblem problem, ExpertPartition partition, int seed)
    {
        var grid = problem.Grid;
        _members = partition.Members;
        _pdeCandidates = _members.Select(members =>
        {
            var list = new List<int>();
            for (var t = 0; t < grid.Times; t++)
                foreach (var s in members)
                    if (problem.CollocationMask[t * grid.Spatial + s]) list.Add(t * grid.Spatial + s);
            return list.ToArray();
        }).ToArray();
        _random = new Random(seed);
    }

    /// <summary>The most points per expert (the smallest expert's candidate count).</summary>
    public int MaxPointsPerExpert => _pdeCandidates.Min(c => c.Length);

    /// <summary>Draws <paramref name="points"/> PDE points in all (divided evenly among the experts, at least one
    /// each) and <paramref name="initialRows"/> initial-condition points per expert.</summary>
    public CollocationPoints Sample(int points, int initialRows)
    {
        var perExpert = Math.Clamp(points / _pdeCandidates.Length, 1, MaxPointsPerExpert);
        var perExpertInitial = Math.Clamp(initialRows, 1, _members.Min(m => m.Length));
        var pde = _pdeCandidates.SelectMany(c => Draw(c, perExpert)).Select(i => (long)i).ToArray();
        var initial = _members.SelectMany(m => Draw(m, perExpertInitial)).Select(i => (long)i).ToArray();
        return new CollocationPoints(tensor(pde).view(_pdeCandidates.Length, perExpert), tensor(initial).view(_members.Length, perExpertInitial));
    }

    // Partial Fisher–Yates: the first `count` of a shuffled copy, sorted so gathers walk memory in order.
    private int[] Draw(int[] candidates, int count)
    {
        if (count >= candidates.Length) return candidates.ToArray();
        var copy = candidates.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = _random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        var picked = copy[..count];
        Array.Sort(picked);
        return picked;
    }
}
