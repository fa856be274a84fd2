using PhysML.Core.Errors;

namespace PhysML.Core.Application;

/// <summary>Orders a stage's systems: a topological sort of the After/Before constraints, ties broken by insertion order.</summary>
internal static class SystemOrder
{
    public static SystemDescriptor[] Sort(Stage stage, IReadOnlyList<SystemDescriptor> systems)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < systems.Count; i++) index[systems[i].Name] = i;
        var successors = Enumerable.Range(0, systems.Count).Select(_ => new List<int>()).ToArray();
        var indegree = new int[systems.Count];

        void Edge(int from, int to)
        {
            successors[from].Add(to);
            indegree[to]++;
        }

        int Resolve(SystemDescriptor system, string name) => index.TryGetValue(name, out var i)
            ? i
            : throw new PhysMLException(ErrorCodes.SystemOrdering, ErrorCategory.Internal,
                $"system '{system.Name}' in stage {stage} is ordered relative to '{name}', which is not in that stage " +
                $"(systems there: {string.Join(", ", systems.Select(s => s.Name))})");

        for (var i = 0; i < systems.Count; i++)
        {
            foreach (var name in systems[i].After) Edge(Resolve(systems[i], name), i);
            foreach (var name in systems[i].Before) Edge(i, Resolve(systems[i], name));
        }

        // Kahn's algorithm with a min-heap on insertion index: deterministic, and the identity when unconstrained.
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < systems.Count; i++) if (indegree[i] == 0) ready.Enqueue(i, i);
        var order = new List<SystemDescriptor>(systems.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(systems[next]);
            foreach (var s in successors[next]) if (--indegree[s] == 0) ready.Enqueue(s, s);
        }
        if (order.Count != systems.Count)
        {
            var cyclic = systems.Where((_, i) => indegree[i] > 0).Select(s => s.Name);
            throw new PhysMLException(ErrorCodes.SystemOrdering, ErrorCategory.Internal,
                $"the After/Before constraints of stage {stage} form a cycle among: {string.Join(", ", cyclic)}");
        }
        return order.ToArray();
    }
}
