using System.Numerics;

namespace PhysML.Core.Ecs;

/// <summary>An immutable bit set of component ids: an archetype's signature, or a query's All/Any/None mask.</summary>
public sealed class ComponentSet : IEquatable<ComponentSet>
{
    private readonly ulong[] _bits;

    public static readonly ComponentSet Empty = new(Array.Empty<ulong>());

    private ComponentSet(ulong[] bits) => _bits = bits;

    public static ComponentSet Of(IEnumerable<int> ids)
    {
        var bits = Array.Empty<ulong>();
        foreach (var id in ids)
        {
            if (id / 64 >= bits.Length) Array.Resize(ref bits, id / 64 + 1);
            bits[id / 64] |= 1UL << (id % 64);
        }
        return new ComponentSet(Trim(bits));
    }

    public bool Contains(int id) => id / 64 < _bits.Length && (_bits[id / 64] & (1UL << (id % 64))) != 0;

    public bool IsEmpty => _bits.Length == 0;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _bits) count += BitOperations.PopCount(word);
            return count;
        }
    }

    /// <summary>The ids in ascending order.</summary>
    public IEnumerable<int> Ids
    {
        get
        {
            for (var w = 0; w < _bits.Length; w++)
            {
                var word = _bits[w];
                while (word != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(word);
                    yield return w * 64 + bit;
                    word &= word - 1;
                }
            }
        }
    }

    public ComponentSet With(int id) => Contains(id) ? this : Of(Ids.Append(id));

    public ComponentSet Without(int id) => Contains(id) ? Of(Ids.Where(i => i != id)) : this;

    public bool ContainsAll(ComponentSet other)
    {
        for (var w = 0; w < other._bits.Length; w++)
        {
            var mine = w < _bits.Length ? _bits[w] : 0;
            if ((mine & other._bits[w]) != other._bits[w]) return false;
        }
        return true;
    }

    public bool Overlaps(ComponentSet other)
    {
        var n = Math.Min(_bits.Length, other._bits.Length);
        for (var w = 0; w < n; w++)
            if ((_bits[w] & other._bits[w]) != 0) return true;
        return false;
    }

    public bool Equals(ComponentSet? other) => other is not null && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => Equals(obj as ComponentSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _bits) hash.Add(word);
        return hash.ToHashCode();
    }

    // Trailing zero words would make equal sets compare unequal.
    private static ulong[] Trim(ulong[] bits)
    {
        var length = bits.Length;
        while (length > 0 && bits[length - 1] == 0) length--;
        return length == bits.Length ? bits : bits[..length];
    }
}
