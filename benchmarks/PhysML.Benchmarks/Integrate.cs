using System.Runtime.CompilerServices;
using PhysML.Core.Ecs;

namespace PhysML.Benchmarks;

/// <summary>
/// Explicit Euler step, position += velocity * dt, as a struct callback: the query's generic constraint lets the JIT
/// inline <see cref="Update"/> into the chunk loop.
/// </summary>
public struct Integrate : IForEach<Position, Velocity>
{
    /// <summary>Time step in s.</summary>
    public float Dt;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Update(ref Position position, ref Velocity velocity)
    {
        position.X += velocity.X * Dt;
        position.Y += velocity.Y * Dt;
        position.Z += velocity.Z * Dt;
    }
}
