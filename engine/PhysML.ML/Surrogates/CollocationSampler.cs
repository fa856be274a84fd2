using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Draws collocation points: the same number P for every expert (so the experts' solves batch): the problem's required
/// points in its subdomain (<see cref="ISurrogateProblem.RequiredCollocation"/>), then uniformly without replacement
/// from the other points of its subdomain where the PDE is defined; and Q initial-condition points from its subdomain
/// at t = 0. System.Random with a seed: a seed gives the same points.
/// </summary>
public sealed class CollocationSampler
{
    private readonly int[][] _pdeCandidates;   // drawn at random
    private readonly int[][] _required;        // always taken
    private readonly int[][] _members;
    private readonly Random _random;

    public CollocationSampler(ISurrogateProblem problem, ExpertPartition partition, int seed)
    {
        var grid = problem.Grid;
        _members = partition.Members;
        var required = problem.RequiredCollocation;
        List<int>[] Points(bool wanted) => _members.Select(members =>
        {
            var list = new List<int>();
            for (var t = 0; t < grid.Times; t++)
                foreach (var s in members)
                {
                    var i = t * grid.Spatial + s;
                    if (problem.CollocationMask[i] && (required?[i] ?? false) == wanted) list.Add(i);
                }
            return list;
        }).ToArray();
        _pdeCandidates = Points(wanted: false).Select(l => l.ToArray()).ToArray();
        _required = Points(wanted: true).Select(l => l.ToArray()).ToArray();
        _random = new Random(seed);
    }

    /// <summary>The most points per expert (the smallest expert's candidate count, required points included).</summary>
    public int MaxPointsPerExpert => Enumerable.Range(0, _members.Length).Min(k => _pdeCandidates[k].Length + _required[k].Length);

    /// <summary>The fewest points per expert: its required points must fit.</summary>
    private int MinPointsPerExpert => Math.Max(1, _required.Max(r => r.Length));

    /// <summary>Draws <paramref name="points"/> PDE points in all (divided evenly among the experts, at least one
    /// each) and <paramref name="initialRows"/> initial-condition points per expert.</summary>
    public CollocationPoints Sample(int points, int initialRows)
    {
        var perExpert = Math.Clamp(points / _pdeCandidates.Length, Math.Min(MinPointsPerExpert, MaxPointsPerExpert), MaxPointsPerExpert);
        var perExpertInitial = Math.Clamp(initialRows, 1, _members.Min(m => m.Length));
        // An expert with more required points than the (capped) count takes a draw of them alone.
        var pde = _pdeCandidates.Select((c, k) => _required[k] is var r && perExpert <= r.Length ? Draw(r, perExpert) : Merge(r, Draw(c, perExpert - r.Length)))
            .SelectMany(p => p).Select(i => (long)i).ToArray();
        var initial = _members.SelectMany(m => Draw(m, perExpertInitial)).Select(i => (long)i).ToArray();
        return new CollocationPoints(tensor(pde).view(_pdeCandidates.Length, perExpert), tensor(initial).view(_members.Length, perExpertInitial));
    }

    private static int[] Merge(int[] required, int[] drawn)
    {
        if (required.Length == 0) return drawn;
        var merged = required.Concat(drawn).ToArray();
        Array.Sort(merged);
        return merged;
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
