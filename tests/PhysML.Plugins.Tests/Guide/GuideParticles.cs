// The C# of docs/plugin-guide.md. Each #region is one ```csharp block of the guide, verbatim (dedented); the
// PluginGuideTests check that the guide and this file agree, so every snippet in the guide compiles here (with the
// solution's warnings-as-errors) and the ones that are tests run. Edit a snippet here, then paste it into the guide.
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Core.Validation;

namespace PhysML.Plugins.Tests.Guide;

#region components
/// <summary>Where a particle is, m (scene name <c>position</c>).</summary>
public readonly record struct Position
{
    public double X { get; init; }
    public double Y { get; init; }
}

/// <summary>How fast it moves, m/s (scene name <c>velocity</c>).</summary>
public readonly record struct Velocity
{
    public double X { get; init; }
    public double Y { get; init; }
}

/// <summary>Linear air drag, 1/s (scene name <c>drag</c>): checked when a scene is loaded.</summary>
public readonly record struct Drag : IValidatable
{
    public Drag() { }

    public double Rate { get; init; } = 0.1;

    public IEnumerable<FieldError> Validate() => Check.NonNegative("rate", Rate);
}
#endregion

#region resources-and-events
/// <summary>The downward acceleration, m/s², as a resource every system can read.</summary>
public readonly record struct Gravity(double Acceleration);

/// <summary>Sent when a particle reaches the ground.</summary>
public readonly record struct Landed(Entity Particle, double Time);

/// <summary>A resource that keeps its own event reader, so each landing is counted once.</summary>
public sealed class Landings(EventReader<Landed> reader)
{
    public int Count { get; private set; }

    public void Update() => Count += reader.Read().Count;
}
#endregion

#region plugin
/// <summary>Particles falling under gravity with drag, removed when they land (scene name <c>MyGame.Particles</c>).</summary>
public sealed class ParticlesPlugin : IPlugin
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();
    private static readonly QueryDescription Dragged = new QueryDescription().WithAll<Velocity, Drag>();

    public string Name => "MyGame.Particles";

    public void Build(App app)
    {
        app.RegisterComponent<Position>("position");
        app.RegisterComponent<Velocity>("velocity");
        app.RegisterComponent<Drag>("drag");
        app.World.SetResource(new Gravity(9.81));
        app.AddEvent<Landed>();
        app.World.SetResource(new Landings(app.World.Resource<Events<Landed>>().GetReader()));

        app.AddSystem(Stage.Startup, "particles.check", Check);
        app.AddSystem(Stage.FixedUpdate, "particles.fall", Fall);
        app.AddSystem(Stage.FixedUpdate, "particles.drag", ApplyDrag, before: ["particles.fall"]);
        app.AddSystem(Stage.FixedUpdate, "particles.land", Land, after: ["particles.fall"]);
        app.AddSystem(Stage.Update, "particles.count", world => world.Resource<Landings>().Update());
        app.AddSystem(Stage.PostUpdate, "particles.metrics", Metrics);
    }
#endregion

    #region startup-check
    // Startup: refuse what cannot run, naming the entity's component and field (PML0105 in the scene file).
    private static void Check(World world)
    {
        foreach (var entity in world.GetEntities(Moving))
            if (world.Get<Position>(entity).Y < 0)
                throw new ComponentValueException(entity, "position.y", "a particle must start above the ground (y >= 0)");
    }
    #endregion

    #region query-foreach
    // Semi-implicit Euler: v += g·dt, then x += v·dt. A struct callback walks the chunks' arrays; the JIT inlines it.
    private static void Fall(World world)
    {
        var step = new FallStep(world.Resource<Gravity>().Acceleration, world.Resource<Time>().FixedDelta);
        world.Query<FallStep, Position, Velocity>(Moving, ref step);
    }

    private readonly struct FallStep(double g, double dt) : IForEach<Position, Velocity>
    {
        public void Update(ref Position position, ref Velocity velocity)
        {
            velocity = velocity with { Y = velocity.Y - g * dt };
            position = new Position { X = position.X + velocity.X * dt, Y = position.Y + velocity.Y * dt };
        }
    }
    #endregion

    #region query-chunks
    // The same walk by hand: a chunk holds one array per component.
    private static void ApplyDrag(World world)
    {
        var dt = world.Resource<Time>().FixedDelta;
        foreach (var chunk in world.GetChunks(Dragged))
        {
            var velocities = chunk.GetSpan<Velocity>();
            var drags = chunk.GetSpan<Drag>();
            for (var k = 0; k < chunk.Count; k++)
            {
                var keep = Math.Exp(-drags[k].Rate * dt);
                velocities[k] = new Velocity { X = velocities[k].X * keep, Y = velocities[k].Y * keep };
            }
        }
    }
    #endregion

    #region command-buffer
    // Destroying while a query iterates is refused (PML0002): record it, and the App plays it back after the system.
    private static void Land(World world)
    {
        var landed = world.Resource<Events<Landed>>();
        var time = world.Resource<Time>().Elapsed;
        foreach (var chunk in world.GetChunks(Moving))
        {
            var positions = chunk.GetSpan<Position>();
            var entities = chunk.EntitySpan;
            for (var k = 0; k < chunk.Count; k++)
            {
                if (positions[k].Y > 0) continue;
                world.Commands.Destroy(entities[k]);
                landed.Send(new Landed(entities[k], time));
            }
        }
    }
    #endregion

    #region metrics
    // One number per frame into metrics.jsonl (and usable in timeline assertions).
    private static void Metrics(World world) =>
        world.Resource<FrameMetrics>().Set("particles.landed", world.Resource<Landings>().Count);
    #endregion
}
