using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

public class ResourceAndEventTests
{
    private record struct Gravity(double Value);

    [Fact]
    public void Struct_resources_are_changed_in_place_through_the_returned_reference()
    {
        var world = new World();
        world.SetResource(new Gravity(9.81));

        world.Resource<Gravity>().Value = 1.62;

        Assert.Equal(1.62, world.Resource<Gravity>().Value);
    }

    [Fact]
    public void A_missing_resource_is_PML0004_naming_the_type()
    {
        var error = Assert.Throws<PhysMLException>(() => new World().Resource<Gravity>());

        Assert.Equal(ErrorCodes.MissingResource, error.Code);
        Assert.Contains(nameof(Gravity), error.Message);
    }

    [Fact]
    public void Events_are_read_once_per_reader_and_live_for_two_frames()
    {
        var app = new App();
        app.AddEvent<int>();
        var events = app.World.Resource<Events<int>>();
        var early = events.GetReader();
        var late = events.GetReader();

        events.Send(1);
        app.RunFrame(0);
        events.Send(2);

        Assert.Equal(new[] { 1, 2 }, early.Read());
        Assert.Empty(early.Read());
        app.RunFrame(0);
        app.RunFrame(0);
        // Two frame turnovers later, event 1 and 2 are gone for a reader that never looked.
        Assert.Empty(late.Read());
    }
}
