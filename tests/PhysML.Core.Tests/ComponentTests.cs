using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

public class ComponentTests
{
    [Fact]
    public void Add_and_remove_move_the_entity_between_archetypes_and_keep_its_other_components()
    {
        var world = new World();
        var e = world.Create();
        world.Add(e, new Position(1, 2));
        world.Add(e, new Velocity(3, 4));
        world.Add(e, new Mass(5));

        world.Remove<Velocity>(e);

        Assert.False(world.Has<Velocity>(e));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal(new Mass(5), world.Get<Mass>(e));
        var error = Assert.Throws<PhysMLException>(() => world.Get<Velocity>(e));
        Assert.Equal(ErrorCodes.MissingComponent, error.Code);
    }

    [Fact]
    public void Adding_a_component_the_entity_has_overwrites_it_without_a_structural_change()
    {
        var world = new World();
        var e = world.Create();
        world.Add(e, new Mass(1));
        var archetypes = world.Archetypes.Count;

        world.Add(e, new Mass(2));

        Assert.Equal(new Mass(2), world.Get<Mass>(e));
        Assert.Equal(archetypes, world.Archetypes.Count);
    }

    [Fact]
    public void Archetype_transitions_are_cached_as_edges_so_the_same_change_reuses_the_archetype()
    {
        var world = new World();
        var a = world.Create();
        world.Add(a, new Position());
        world.Add(a, new Velocity());
        var count = world.Archetypes.Count;

        var b = world.Create();
        world.Add(b, new Position());
        world.Add(b, new Velocity());
        world.Remove<Velocity>(b);
        world.Add(b, new Velocity());

        Assert.Equal(count, world.Archetypes.Count);
    }

    [Fact]
    public void Get_returns_a_reference_that_writes_through()
    {
        var world = new World();
        var e = world.Create();
        world.Add(e, new Position(0, 0));

        world.Get<Position>(e).X = 7;

        Assert.Equal(7, world.Get<Position>(e).X);
    }

    [Fact]
    public void AddBoxed_adds_a_component_known_only_at_run_time()
    {
        var world = new World();
        var e = world.Create();

        world.AddBoxed(e, new Mass(3));

        Assert.Equal(new Mass(3), world.Get<Mass>(e));
        Assert.Contains(new Mass(3), world.GetAllBoxed(e));
    }

    [Fact]
    public void Chunks_start_at_16_KiB_and_double_up_to_1_MiB_keeping_every_value()
    {
        var world = new World();
        var entities = new List<Entity>();
        for (var i = 0; i < 200_000; i++)
        {
            var e = world.Create();
            world.Add(e, new Position(i, 0));
            world.Add(e, new Velocity(0, i));
            entities.Add(e);
        }
        var archetype = world.GetQuery(new QueryDescription().WithAll<Position, Velocity>()).Archetypes.Single();

        var capacities = archetype.Chunks.Select(c => c.Capacity).ToArray();
        Assert.Equal(new[] { 409, 818, 1636, 3272, 6544, 13088, 26176, 26214, 26214, 26214, 26214, 26214, 26214 }, capacities);
        Assert.All(archetype.Chunks.SkipLast(1), c => Assert.True(c.IsFull));
        for (var i = 0; i < entities.Count; i += 997) Assert.Equal(new Velocity(0, i), world.Get<Velocity>(entities[i]));
    }

    [Fact]
    public void Chunks_hold_about_16_KiB_of_rows()
    {
        var world = new World();
        var e = world.Create();
        world.Add(e, new Position());
        world.Add(e, new Velocity());
        var archetype = world.GetQuery(new QueryDescription().WithAll<Position, Velocity>()).Archetypes.Single();

        // 16 + 16 bytes of components + 8 bytes of entity handle per row.
        Assert.Equal(16 * 1024 / 40, archetype.ChunkCapacity);
    }
}
