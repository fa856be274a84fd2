namespace PhysML.Core.Ecs;

/// <summary>
/// A query resolved against one world: the description's component masks and the archetypes that match.
/// New archetypes are matched lazily (only those created since the last use are tested).
/// </summary>
public sealed class Query
{
    private readonly World _world;
    private readonly List<Archetype> _matches = new();
    private int _scanned;

    internal Query(World world, QueryDescription description)
    {
        _world = world;
        Description = description;
        All = ComponentSet.Of(description.All.Select(t => world.Components.Register(t).Id));
        Any = ComponentSet.Of(description.Any.Select(t => world.Components.Register(t).Id));
        None = ComponentSet.Of(description.None.Select(t => world.Components.Register(t).Id));
    }

    public QueryDescription Description { get; }
    public ComponentSet All { get; }
    public ComponentSet Any { get; }
    public ComponentSet None { get; }

    /// <summary>Matching archetypes, including empty ones.</summary>
    public IReadOnlyList<Archetype> Archetypes
    {
        get
        {
            var archetypes = _world.Archetypes;
            for (; _scanned < archetypes.Count; _scanned++)
                if (Matches(archetypes[_scanned].Signature)) _matches.Add(archetypes[_scanned]);
            return _matches;
        }
    }

    public bool Matches(ComponentSet signature) =>
        signature.ContainsAll(All) && (Any.IsEmpty || signature.Overlaps(Any)) && !signature.Overlaps(None);

    /// <summary>Number of entities that match now.</summary>
    public int Count()
    {
        var count = 0;
        foreach (var archetype in Archetypes) count += archetype.EntityCount;
        return count;
    }
}
