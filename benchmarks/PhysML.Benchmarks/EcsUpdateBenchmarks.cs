using BenchmarkDotNet.Attributes;
using PhysML.Core.Ecs;

namespace PhysML.Benchmarks;

/// <summary>
/// One explicit-Euler update (position += velocity * dt) over 1,000,000 bodies, stored three ways: our archetype ECS
/// (struct-of-arrays chunks), and a <c>List&lt;Body&gt;</c> of heap objects. <c>OperationsPerInvoke</c> is the body count,
/// so BenchmarkDotNet's Mean column is nanoseconds per entity.
/// <para>
/// The class baseline comes in three heap layouts, so that nobody can say the comparison is rigged:
/// <list type="bullet">
/// <item><b>InOrder</b>: bodies allocated back to back and nothing else; the GC lays them out contiguously in list
/// order, so the CPU prefetcher streams them. This is the best case a class layout can get and rarely the real one.</item>
/// <item><b>Interleaved</b> (the Baseline row): every body is allocated alongside 1–3 other live objects of random size,
/// as in a game where a body is created together with its mesh, name, collider and so on, over time. The clutter is
/// kept alive, so a compacting GC cannot squeeze the bodies back together (compaction slides objects but keeps their
/// order and their live neighbours). List order still follows memory order, only with a larger, irregular stride.</item>
/// <item><b>Shuffled</b>: in-order allocation, then the list is shuffled, modelling a long-running game where
/// bodies were created, destroyed and re-added so often that list order has nothing to do with memory order. This is
/// the worst case: nearly every body is a cache miss.</item>
/// </list>
/// Every setup ends with a full blocking GC so the measured heap is a settled gen-2 heap, as in a game past its loading
/// screen, and no collection runs during measurement (the update allocates nothing).
/// </para>
/// </summary>
[MemoryDiagnoser]
public class EcsUpdateBenchmarks
{
    public const int BodyCount = 1_000_000;

    /// <summary>Time step in s (one 60 Hz frame).</summary>
    private const float Dt = 1f / 60f;

    private const int Seed = 12345;

    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();

    private World _world = null!;
    private List<Body> _bodies = null!;

    // Other live objects allocated between the bodies in the Interleaved layout; held only to keep them alive.
    private List<object> _clutter = null!;

    [GlobalSetup(Targets = [nameof(EcsQuery), nameof(EcsChunkSpans)])]
    public void SetupWorld()
    {
        _world = new World();
        var random = new Random(Seed);
        for (var i = 0; i < BodyCount; i++)
        {
            var (position, velocity) = RandomState(random);
            var entity = _world.Create();
            _world.Add(entity, position);
            _world.Add(entity, velocity);
        }
        Settle();
    }

    [GlobalSetup(Target = nameof(ClassListInOrder))]
    public void SetupInOrder()
    {
        _bodies = CreateBodies(new Random(Seed), clutter: null);
        Settle();
    }

    [GlobalSetup(Target = nameof(ClassListInterleaved))]
    public void SetupInterleaved()
    {
        _clutter = new List<object>(2 * BodyCount);
        _bodies = CreateBodies(new Random(Seed), _clutter);
        Settle();
    }

    [GlobalSetup(Target = nameof(ClassListShuffled))]
    public void SetupShuffled()
    {
        _bodies = CreateBodies(new Random(Seed), clutter: null);
        // A separately seeded shuffle, so the bodies' state is identical to the other layouts.
        var order = _bodies.ToArray();
        new Random(Seed + 1).Shuffle(order);
        _bodies = new List<Body>(order);
        Settle();
    }

    /// <summary>(a) The ECS fast path: a struct callback passed by generic constraint, walking chunk columns.</summary>
    [Benchmark(OperationsPerInvoke = BodyCount)]
    public void EcsQuery()
    {
        var integrate = new Integrate { Dt = Dt };
        _world.Query<Integrate, Position, Velocity>(Moving, ref integrate);
    }

    /// <summary>(c) Chunk spans, written the way a user would: spans per chunk and an indexed loop.</summary>
    [Benchmark(OperationsPerInvoke = BodyCount)]
    public void EcsChunkSpans()
    {
        foreach (var chunk in _world.GetChunks(Moving))
        {
            var positions = chunk.GetSpan<Position>();
            var velocities = chunk.GetSpan<Velocity>();
            for (var i = 0; i < positions.Length; i++)
            {
                ref var p = ref positions[i];
                var v = velocities[i];
                p.X += v.X * Dt;
                p.Y += v.Y * Dt;
                p.Z += v.Z * Dt;
            }
        }
    }

    /// <summary>(b) Class baseline, best case: objects contiguous in list order.</summary>
    [Benchmark(OperationsPerInvoke = BodyCount)]
    public void ClassListInOrder() => UpdateBodies(_bodies);

    /// <summary>(b) Class baseline, realistic: objects interleaved with other live allocations.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BodyCount)]
    public void ClassListInterleaved() => UpdateBodies(_bodies);

    /// <summary>(b) Class baseline, worst case: list order unrelated to memory order.</summary>
    [Benchmark(OperationsPerInvoke = BodyCount)]
    public void ClassListShuffled() => UpdateBodies(_bodies);

    private static void UpdateBodies(List<Body> bodies)
    {
        foreach (var body in bodies)
        {
            body.Position.X += body.Velocity.X * Dt;
            body.Position.Y += body.Velocity.Y * Dt;
            body.Position.Z += body.Velocity.Z * Dt;
        }
    }

    private static List<Body> CreateBodies(Random random, List<object>? clutter)
    {
        var bodies = new List<Body>(BodyCount);
        for (var i = 0; i < BodyCount; i++)
        {
            var (position, velocity) = RandomState(random);
            bodies.Add(new Body { Position = position, Velocity = velocity });
            if (clutter is null) continue;
            // 1–3 companions of 16–255 bytes: about the spread of small game objects (names, small arrays, handles).
            var companions = random.Next(1, 4);
            for (var k = 0; k < companions; k++) clutter.Add(new byte[random.Next(16, 256)]);
        }
        return bodies;
    }

    // Positions in a 100 m box, speeds up to 1 m/s per axis: the values stay finite and normal over any run length.
    private static (Position, Velocity) RandomState(Random random) =>
        (new Position(NextFloat(random, 100f), NextFloat(random, 100f), NextFloat(random, 100f)),
         new Velocity(NextFloat(random, 1f), NextFloat(random, 1f), NextFloat(random, 1f)));

    private static float NextFloat(Random random, float halfRange) => (random.NextSingle() * 2f - 1f) * halfRange;

    private static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
