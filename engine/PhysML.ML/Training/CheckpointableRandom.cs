using PhysML.Core.Checkpoints;

namespace PhysML.ML.Training;

/// <summary>
/// A seeded <see cref="Random"/> whose state can be written to a checkpoint and read back: xoshiro256** (Blackman and
/// Vigna, 2018), seeded through SplitMix64. It exists because a seeded <see cref="System.Random"/> keeps its state
/// private, so a resumed online trainer could not continue the same sequence of draws. Every virtual method of
/// <see cref="Random"/> is overridden, so no draw can fall through to the base class's own (unsaved) generator.
/// </summary>
public sealed class CheckpointableRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public CheckpointableRandom(int seed)
    {
        var x = (ulong)(uint)seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public void WriteCheckpoint(BinaryWriter writer) => CheckpointData.Write<ulong>(writer, [_s0, _s1, _s2, _s3]);

    public void ReadCheckpoint(BinaryReader reader)
    {
        Span<ulong> state = stackalloc ulong[4];
        CheckpointData.Read(reader, state, "online training RNG");
        if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0)
            throw new CheckpointFormatException("online training RNG: an all-zero xoshiro256** state");
        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    // Uniform in [0, range) without modulo bias: rejection on the top bits of a bitmask of the range.
    private ulong Below(ulong range)
    {
        if (range <= 1) return 0;
        var mask = ulong.MaxValue >> System.Numerics.BitOperations.LeadingZeroCount(range - 1);
        ulong value;
        do value = NextUInt64() & mask;
        while (value >= range);
        return value;
    }

    public override int Next() => (int)Below(int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)Below((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)((long)minValue + (long)Below((ulong)((long)maxValue - minValue)));
    }

    public override long NextInt64() => (long)Below(long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Below((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)Below((ulong)(maxValue - minValue)));
    }

    /// <summary>53 random bits as a double in [0, 1).</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    protected override double Sample() => NextDouble();

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i += 8)
        {
            var bits = NextUInt64();
            for (var k = 0; k < 8 && i + k < buffer.Length; k++) buffer[i + k] = (byte)(bits >> (8 * k));
        }
    }
}
