using PhysML.Core.Application;
using PhysML.Core.Checkpoints;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

/// <summary>A world written to a checkpoint and read into a fresh world built the same way ends up the same: entity
/// ids, generations and the free list (so the next Create returns the same handle), archetypes in order with their
/// rows in order (so queries visit entities in the same order), and every component and resource value.</summary>
public class WorldCheckpointTests
{
    public record struct Label(string Text, double[] Path);

    /// <summary>A plugin's simulation: state in an array and a clock, written through the contract.</summary>
    public sealed class Simulation : ICheckpointable
    {
        public double[] Field { get; } = new double[4];
        public double Time { get; set; }

        public void WriteCheckpoint(BinaryWriter writer)
        {
            writer.Write(Time);
            CheckpointData.Write<double>(writer, Field);
        }

        public void ReadCheckpoint(BinaryReader reader)
        {
            Time = reader.ReadDouble();
            CheckpointData.Read<double>(reader, Field, "simulation field");
        }
    }

    public sealed class Opaque
    {
        public int Hidden;
    }

    // What Startup does in both worlds: the same entities, the managed simulation on entity 0.
    private static (World World, Simulation Simulation) Started()
    {
        var world = new World();
        var host = world.Create();
        var simulation = new Simulation();
        world.Add(host, simulation);
        world.Add(host, new Position(0, 0));
        for (var n = 0; n < 5; n++) world.Add(world.Create(), new Position(n, n));
        world.SetResource(new Time { FixedDelta = 0.1 });
        return (world, simulation);
    }

    [Fact]
    public void A_world_read_from_a_checkpoint_has_the_same_entities_order_values_and_next_handle()
    {
        var (original, simulation) = Started();
        // A run's history: values change, entities die and are born (ids reused), a new archetype appears.
        simulation.Field[2] = 3.5;
        simulation.Time = 1.25;
        var all = original.GetEntities(new QueryDescription().WithAll<Position>());
        original.Destroy(all[2]);
        original.Destroy(all[4]);
        var labelled = original.Create();
        original.Add(labelled, new Position(9, 9));
        original.Add(labelled, new Label("jet", [0.5, 1e-300, double.NaN]));
        original.Add(labelled, new Velocity(1, 2));
        original.Get<Position>(all[1]) = new Position(-1, 0.1);
        original.Resource<Time>() = original.Resource<Time>() with { FixedStep = 42, Frame = 7 };

        var bytes = new MemoryStream();
        original.WriteCheckpoint(new BinaryWriter(bytes));
        var (restored, restoredSimulation) = Started();
        bytes.Position = 0;
        restored.ReadCheckpoint(new BinaryReader(bytes));

        Assert.Equal(bytes.Length, bytes.Position);
        Assert.Equal(Describe(original), Describe(restored));
        Assert.Equal(1.25, restoredSimulation.Time);
        Assert.Equal(simulation.Field, restoredSimulation.Field);
        Assert.Same(restoredSimulation, restored.Get<Simulation>(restored.GetEntities(new QueryDescription().WithAll<Simulation>())[0]));
        var label = restored.Get<Label>(restored.GetEntities(new QueryDescription().WithAll<Label>())[0]);
        Assert.Equal("jet", label.Text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(1e-300), BitConverter.DoubleToInt64Bits(label.Path[1]));
        Assert.True(double.IsNaN(label.Path[2]));
        Assert.Equal((42L, 7L), (restored.Resource<Time>().FixedStep, restored.Resource<Time>().Frame));
        Assert.Equal(original.Create(), restored.Create());   // the free list pops the same id and generation
        Assert.Equal(original.Create(), restored.Create());
    }

    [Fact]
    public void Managed_state_without_checkpoint_support_is_named_and_refused()
    {
        var world = new World();
        world.Add(world.Create(), new Opaque());
        world.SetResource(new Opaque());

        Assert.Equal(["resource Opaque (PhysML.Core.Tests)", "component Opaque (PhysML.Core.Tests)"], world.CheckpointProblems());
        var error = Assert.Throws<PhysMLException>(() => world.WriteCheckpoint(new BinaryWriter(new MemoryStream())));
        Assert.Equal(ErrorCodes.CheckpointUnsupported, error.Code);
    }

    [Fact]
    public void A_checkpoint_of_another_grid_size_is_a_format_error_naming_the_state()
    {
        var (original, _) = Started();
        var bytes = new MemoryStream();
        original.WriteCheckpoint(new BinaryWriter(bytes));
        bytes.Position = 0;
        var other = new World();
        other.Add(other.Create(), new Position(0, 0));      // Position first: the component ids differ

        var error = Assert.Throws<CheckpointFormatException>(() => other.ReadCheckpoint(new BinaryReader(bytes)));
        Assert.Equal(ErrorCodes.RunCheckpointInvalid, error.Code);
        Assert.Contains("the plugins differ", error.Message);
    }

    // Entities in query order with their handles and component values (arrays spelled out).
    private static string Describe(World world)
    {
        var lines = new List<string>();
        foreach (var archetype in world.Archetypes)
            foreach (var chunk in archetype.Chunks)
                foreach (var entity in chunk.EntitySpan)
                    lines.Add($"{archetype.Index} {entity}: " + string.Join(" | ", world.GetAllBoxed(entity).Select(v => v switch
                    {
                        Label l => $"{l.Text} [{string.Join(",", l.Path)}]",
                        Simulation s => $"sim {s.Time}",
                        _ => v.ToString(),
                    })));
        return string.Join("\n", lines);
    }
}
