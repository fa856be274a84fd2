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
