using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

public sealed partial class World
{
    private readonly Dictionary<QueryDescription, Query> _queries = new();

    /// <summary>The cached query for a description.</summary>
    public Query GetQuery(QueryDescription description)
    {
        if (!_queries.TryGetValue(description, out var query))
        {
            query = new Query(this, description);
            _queries.Add(description, query);
        }
        return query;
    }

    public int CountEntities(QueryDescription description) => GetQuery(description).Count();

    /// <summary>
    /// The matching chunks, for code that wants whole spans (<see cref="Chunk.GetSpan{T}"/>). Structural changes are
    /// refused until the enumeration ends.
    /// </summary>
    public IEnumerable<Chunk> GetChunks(QueryDescription description)
    {
        var query = GetQuery(description);
        EnterIteration();
        try
        {
            foreach (var archetype in query.Archetypes)
                for (var c = 0; c < archetype.Chunks.Count; c++)
                    yield return archetype.Chunks[c];
        }
        finally
        {
            ExitIteration();
        }
    }

    /// <summary>The matching entities, in storage order (a copy: safe to change the world while walking it).</summary>
    public List<Entity> GetEntities(QueryDescription description)
    {
        var entities = new List<Entity>(CountEntities(description));
        foreach (var chunk in GetChunks(description)) entities.AddRange(chunk.EntitySpan);
        return entities;
    }

    /// <summary>
    /// The one entity with component <typeparamref name="T"/>, or null when there is none; more than one is bad input
    /// (PML0105). For components a scene has at most once (a heat plate, a fluid domain); <paramref name="sceneName"/>
    /// is the component's name in scene files, for the message.
    /// </summary>
    public Entity? SingleOrNone<T>(string sceneName)
    {
        var entities = GetEntities(new QueryDescription().WithAll<T>());
        if (entities.Count > 1)
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput,
                $"a scene may have one {sceneName}, found {entities.Count}");
        return entities.Count == 1 ? entities[0] : null;
    }

    // Every component a typed callback reads must be in the description's All set, or some archetype would lack it.
    private int RequireColumn(Archetype archetype, Type type, QueryDescription description)
    {
        var column = archetype.ColumnOf(type);
        if (column < 0)
            throw new PhysMLException(ErrorCodes.MissingComponent, ErrorCategory.Internal,
                $"query {description} iterates {type.Name}, which is not in its All set");
        return column;
    }
}
