using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

public class EntityTests
{
    [Fact]
    public void Destroyed_entity_handle_goes_stale_and_its_id_is_reused_with_a_new_generation()
    {
        var world = new World();
        var first = world.Create();
        world.Destroy(first);

        var second = world.Create();

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Generation, second.Generation);
        Assert.False(world.IsAlive(first));
        Assert.True(world.IsAlive(second));
        var error = Assert.Throws<PhysMLException>(() => world.Add(first, new Mass(1)));
        Assert.Equal(ErrorCodes.DeadEntity, error.Code);
    }

    [Fact]
    public void Destroying_an_entity_keeps_every_other_entitys_components_intact()
    {
        var world = new World();
        // Enough entities to span several chunks, so swap-removal crosses chunk boundaries.
        var entities = Enumerable.Range(0, 3000).Select(i =>
        {
            var e = world.Create();
            world.Add(e, new Tag(i));
            world.Add(e, new Position(i, -i));
            return e;
        }).ToList();

        for (var i = 0; i < entities.Count; i += 3) world.Destroy(entities[i]);

        Assert.Equal(2000, world.EntityCount);
        for (var i = 0; i < entities.Count; i++)
        {
            if (i % 3 == 0) { Assert.False(world.IsAlive(entities[i])); continue; }
            Assert.Equal(new Tag(i), world.Get<Tag>(entities[i]));
            Assert.Equal(new Position(i, -i), world.Get<Position>(entities[i]));
        }
    }
}
