using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

public class QueryTests
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();

    private struct Integrate : IForEach<Position, Velocity>
    {
        public double Dt;
        public int Visited;

        public void Update(ref Position p, ref Velocity v)
        {
            p.X += v.X * Dt;
            p.Y += v.Y * Dt;
            Visited++;
        }
    }

    private struct CollectTags : IForEachWithEntity<Tag>
    {
        public List<(Entity, int)> Seen;
        public void Update(Entity entity, ref Tag tag) => Seen.Add((entity, tag.Value));
    }

    private struct DestroyEverything(World world) : IForEachWithEntity<Tag>
    {
        public void Update(Entity entity, ref Tag tag) => world.Destroy(entity);
    }

    private struct DeferDestroy(CommandBuffer commands) : IForEachWithEntity<Tag>
    {
        public void Update(Entity entity, ref Tag tag)
        {
            if (tag.Value % 2 == 0) commands.Destroy(entity);
        }
    }

    [Fact]
    public void Struct_callback_updates_every_matching_entity_in_place_across_archetypes()
    {
        var world = new World();
        var plain = world.Create();
        world.Add(plain, new Position(0, 0));
        world.Add(plain, new Velocity(1, 2));
        var heavy = world.Create();
        world.Add(heavy, new Position(10, 10));
        world.Add(heavy, new Velocity(-1, 0));
        world.Add(heavy, new Mass(2));
        var still = world.Create();
        world.Add(still, new Position(5, 5));

        var integrate = new Integrate { Dt = 0.5 };
        world.Query<Integrate, Position, Velocity>(Moving, ref integrate);

        Assert.Equal(2, integrate.Visited);
        Assert.Equal(new Position(0.5, 1), world.Get<Position>(plain));
        Assert.Equal(new Position(9.5, 10), world.Get<Position>(heavy));
        Assert.Equal(new Position(5, 5), world.Get<Position>(still));
    }

    [Fact]
    public void All_Any_and_None_select_the_right_entities()
    {
        var world = new World();
        Entity Make(params object[] components)
        {
            var e = world.Create();
            foreach (var c in components) world.AddBoxed(e, c);
            return e;
        }
        var p = Make(new Position());
        var pv = Make(new Position(), new Velocity());
        var pm = Make(new Position(), new Mass(1));
        var pvf = Make(new Position(), new Velocity(), new Frozen());
        var m = Make(new Mass(1));

        var withAny = world.GetEntities(new QueryDescription().WithAll<Position>().WithAny<Velocity, Mass>());
        var withNone = world.GetEntities(new QueryDescription().WithAll<Position>().WithNone<Frozen>());
        var anyOnly = world.GetEntities(new QueryDescription().WithAny<Mass, Frozen>());

        Assert.Equal(new[] { pv, pm, pvf }.OrderBy(e => e.Id), withAny.OrderBy(e => e.Id));
        Assert.Equal(new[] { p, pv, pm }.OrderBy(e => e.Id), withNone.OrderBy(e => e.Id));
        Assert.Equal(new[] { pm, pvf, m }.OrderBy(e => e.Id), anyOnly.OrderBy(e => e.Id));
    }

    [Fact]
    public void A_cached_query_sees_archetypes_created_after_its_first_use()
    {
        var world = new World();
        var description = new QueryDescription().WithAll<Tag>();
        Assert.Equal(0, world.CountEntities(description));

        var e = world.Create();
        world.Add(e, new Tag(1));
        world.Add(e, new Mass(1));

        Assert.Equal(1, world.CountEntities(description));
        Assert.Same(world.GetQuery(description), world.GetQuery(new QueryDescription().WithAll<Tag>()));
    }

    [Fact]
    public void Query_with_entity_passes_the_handle_of_each_row()
    {
        var world = new World();
        var expected = Enumerable.Range(0, 50).Select(i =>
        {
            var e = world.Create();
            world.Add(e, new Tag(i));
            return (e, i);
        }).ToList();

        var collect = new CollectTags { Seen = new() };
        world.QueryWithEntity<CollectTags, Tag>(new QueryDescription().WithAll<Tag>(), ref collect);

        Assert.Equal(expected, collect.Seen);
    }

    [Fact]
    public void A_structural_change_during_iteration_is_refused_with_PML0002()
    {
        var world = new World();
        world.Add(world.Create(), new Tag(1));

        var destroy = new DestroyEverything(world);
        var error = Assert.Throws<PhysMLException>(() =>
            world.QueryWithEntity<DestroyEverything, Tag>(new QueryDescription().WithAll<Tag>(), ref destroy));

        Assert.Equal(ErrorCodes.StructuralChangeDuringIteration, error.Code);
        Assert.False(world.IsIterating);
        Assert.Equal(1, world.EntityCount);
    }

    [Fact]
    public void Command_buffer_applies_recorded_changes_after_iteration_in_order()
    {
        var world = new World();
        var entities = Enumerable.Range(0, 10).Select(i =>
        {
            var e = world.Create();
            world.Add(e, new Tag(i));
            return e;
        }).ToList();
        var commands = new CommandBuffer(world);

        var defer = new DeferDestroy(commands);
        world.QueryWithEntity<DeferDestroy, Tag>(new QueryDescription().WithAll<Tag>(), ref defer);
        var created = commands.Create();
        commands.Add(created, new Tag(100));
        commands.Add(created, new Mass(2));
        commands.Remove<Mass>(created);
        Assert.Equal(10, world.EntityCount);
        Assert.False(world.IsAlive(created));

        commands.Playback();

        Assert.Equal(6, world.EntityCount);
        Assert.All(entities.Where((_, i) => i % 2 == 0), e => Assert.False(world.IsAlive(e)));
        Assert.Equal(new Tag(100), world.Get<Tag>(created));
        Assert.False(world.Has<Mass>(created));
        Assert.Equal(0, commands.Count);
    }

    [Fact]
    public void Chunk_spans_expose_whole_columns()
    {
        var world = new World();
        for (var i = 0; i < 1000; i++) world.Add(world.Create(), new Mass(i));

        var sum = 0.0;
        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Mass>()))
            foreach (var mass in chunk.GetSpan<Mass>()) sum += mass.Value;

        Assert.Equal(999 * 1000 / 2, sum);
    }

    [Fact]
    public void SingleOrNone_finds_the_scene_singleton_and_refuses_two()
    {
        var world = new World();
        Assert.Null(world.SingleOrNone<Mass>("mass"));
        var e = world.Create();
        world.Add(e, new Mass(1));
        Assert.Equal(e, world.SingleOrNone<Mass>("mass"));

        world.Add(world.Create(), new Mass(2));

        var error = Assert.Throws<PhysMLException>(() => world.SingleOrNone<Mass>("mass"));
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Equal("a scene may have one mass, found 2", error.Message);
    }
}
