namespace PhysML.Core.Ecs;

/// <summary>
/// Which entities a query matches: those with All of these components, at least one of Any (when Any is not empty),
/// and None of these. A value: build it once (a static readonly field) and reuse it; the world caches the matching
/// archetypes per description.
/// </summary>
public sealed class QueryDescription : IEquatable<QueryDescription>
{
    public static readonly QueryDescription Everything = new();

    private QueryDescription(Type[]? all = null, Type[]? any = null, Type[]? none = null)
    {
        All = all ?? Array.Empty<Type>();
        Any = any ?? Array.Empty<Type>();
        None = none ?? Array.Empty<Type>();
        _hash = ComputeHash();
    }

    // Cached: the world looks a description up on every query call.
    private readonly int _hash;

    public QueryDescription() : this(null) { }

    public IReadOnlyList<Type> All { get; }
    public IReadOnlyList<Type> Any { get; }
    public IReadOnlyList<Type> None { get; }

    public QueryDescription WithAll(params Type[] types) => new(Merge(All, types), Any.ToArray(), None.ToArray());
    public QueryDescription WithAny(params Type[] types) => new(All.ToArray(), Merge(Any, types), None.ToArray());
    public QueryDescription WithNone(params Type[] types) => new(All.ToArray(), Any.ToArray(), Merge(None, types));

    public QueryDescription WithAll<T0>() => WithAll(typeof(T0));
    public QueryDescription WithAll<T0, T1>() => WithAll(typeof(T0), typeof(T1));
    public QueryDescription WithAll<T0, T1, T2>() => WithAll(typeof(T0), typeof(T1), typeof(T2));
    public QueryDescription WithAll<T0, T1, T2, T3>() => WithAll(typeof(T0), typeof(T1), typeof(T2), typeof(T3));
    public QueryDescription WithAny<T0, T1>() => WithAny(typeof(T0), typeof(T1));
    public QueryDescription WithNone<T0>() => WithNone(typeof(T0));
    public QueryDescription WithNone<T0, T1>() => WithNone(typeof(T0), typeof(T1));

    public bool Equals(QueryDescription? other) =>
        ReferenceEquals(this, other) || other is not null && _hash == other._hash && All.SequenceEqual(other.All) && Any.SequenceEqual(other.Any) && None.SequenceEqual(other.None);

    public override bool Equals(object? obj) => Equals(obj as QueryDescription);

    public override int GetHashCode() => _hash;

    private int ComputeHash()
    {
        var hash = new HashCode();
        foreach (var t in All) hash.Add(t);
        hash.Add(1);
        foreach (var t in Any) hash.Add(t);
        hash.Add(2);
        foreach (var t in None) hash.Add(t);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"All[{Names(All)}] Any[{Names(Any)}] None[{Names(None)}]";

    private static string Names(IEnumerable<Type> types) => string.Join(", ", types.Select(t => t.Name));

    // Sorted by name so that WithAll<A,B>() and WithAll<B,A>() are the same cached query.
    private static Type[] Merge(IEnumerable<Type> existing, Type[] added) =>
        existing.Concat(added).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
}
