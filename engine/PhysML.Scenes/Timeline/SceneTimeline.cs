using System.Globalization;
using PhysML.Core.Application;
using PhysML.Core.Checkpoints;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Timeline;

/// <summary>
/// A scene's timeline, checked at load and sorted by frame (file order within a frame). The runner calls
/// <see cref="AfterFrame"/> once the frame is recorded (and with 0 before the first step): first every assertion due
/// checks the frame's metrics, then the frame's changes are made, so they take effect from the next frame on.
/// </summary>
public sealed class SceneTimeline
{
    private static readonly QueryDescription Named = new QueryDescription().WithAll<Name>();

    private readonly List<ScheduledEvent> _onward = new();
    private int _next;

    internal SceneTimeline(IReadOnlyList<ScheduledEvent> events) => Events = events;

    public static SceneTimeline Empty { get; } = new(Array.Empty<ScheduledEvent>());

    public IReadOnlyList<ScheduledEvent> Events { get; }

    /// <summary>Checks the assertions due at <paramref name="frame"/> against <paramref name="metric"/> (a
    /// <c>metrics.jsonl</c> key's value this frame, or null), then makes the frame's changes to the world;
    /// <paramref name="metricNames"/> lists the frame's keys for the message when one is missing. A screenshot is
    /// handed to <paramref name="screenshot"/> with its file name (without .png): what draws the picture is the
    /// caller's business.</summary>
    public void AfterFrame(int frame, World world, Func<string, double?> metric, Func<IEnumerable<string>> metricNames,
        Action<string>? screenshot = null)
    {
        var due = new List<ScheduledEvent>();
        while (_next < Events.Count && Events[_next].Frame <= frame) due.Add(Events[_next++]);

        foreach (var assertion in _onward) Check(assertion, frame, metric, metricNames);
        foreach (var e in due.Where(e => e.Source.Assert is not null))
        {
            Check(e, frame, metric, metricNames);
            if (e.Source.Assert!.Onward) _onward.Add(e);
        }
        foreach (var e in due.Where(e => e.Source.Assert is null))
        {
            if (e.Source.Screenshot is { } shot) screenshot?.Invoke(shot.Name ?? $"frame-{frame:D6}");
            else Apply(e, world);
        }
    }

    /// <summary>The timeline's progress for a run checkpoint: how many events have happened, and which assertions
    /// hold from their frame on.</summary>
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(_next);
        CheckpointData.Write<int>(writer, _onward.Select(e => Events.Select((x, i) => (x, i)).First(p => ReferenceEquals(p.x, e)).i).ToArray());
    }

    /// <summary>Restores what <see cref="WriteCheckpoint"/> wrote; the events themselves come from the scene file,
    /// whose content the checkpoint's hash vouches for.</summary>
    public void ReadCheckpoint(BinaryReader reader)
    {
        var next = reader.ReadInt32();
        var onward = new int[reader.ReadInt32()];
        for (var n = 0; n < onward.Length; n++) onward[n] = reader.ReadInt32();
        if (next < 0 || next > Events.Count || onward.Any(i => i < 0 || i >= next))
            throw new CheckpointFormatException($"the timeline progress ({next} of {Events.Count} events) does not fit this scene's timeline");
        _next = next;
        _onward.Clear();
        _onward.AddRange(onward.Select(i => Events[i]));
    }

    private static void Check(ScheduledEvent e, int frame, Func<string, double?> metric, Func<IEnumerable<string>> metricNames)
    {
        var a = e.Source.Assert!;
        var what = $"{e.JsonPath}: assertion {a.Metric} {Symbol(a.Op)} {F(a.Value)}{(a.Onward ? $" (from frame {e.Frame} on)" : "")}";
        if (metric(a.Metric) is not { } value)
            throw new TimelineAssertionException($"{what} failed at frame {frame}: the frame has no metric '{a.Metric}'; it has: {string.Join(", ", metricNames())}");
        var holds = a.Op switch
        {
            ComparisonOperator.Less => value < a.Value,
            ComparisonOperator.LessOrEqual => value <= a.Value,
            ComparisonOperator.Greater => value > a.Value,
            _ => value >= a.Value,
        };
        if (!holds) throw new TimelineAssertionException($"{what} failed at frame {frame}: {a.Metric} = {F(value)}");
    }

    private static void Apply(ScheduledEvent e, World world)
    {
        if (e.Source.Add is { } add)
        {
            var entity = world.Create();
            world.Add(entity, new Name(add.Name!));
            foreach (var component in e.AddedComponents) world.AddBoxed(entity, component);
        }
        else if (e.Source.Remove is { } name)
        {
            world.Destroy(Find(world, name));
        }
        else if (e.Source.Pressure is { } pressure)
        {
            world.Resource<PressureControls>().Request(pressure.Preconditioner, pressure.Backend);
        }
        else if (e.Source.Training is { } training)
        {
            world.Resource<PressureControls>().RequestTraining(training == TrainingSwitch.Start);
        }
        else if (e.Source.Set is { } set)
        {
            var path = e.SetPath!;
            var entity = Find(world, path.Entity);
            var current = world.GetAllBoxed(entity).First(c => c.GetType() == e.SetComponent);
            // Checked at load against the value the component had then; checked again here, as earlier events may
            // have changed its other fields.
            var changed = ComponentFields.With(current, path.Fields, set.Value, out var error, out _)
                          ?? throw new PhysMLException(ErrorCodes.InvalidTimeline, ErrorCategory.BadInput, $"{e.JsonPath}.set: {path}: {error}");
            world.AddBoxed(entity, changed);
        }
    }

    // The load-time checks guarantee exactly one live entity has the name.
    private static Entity Find(World world, string name) =>
        world.GetEntities(Named).First(entity => world.Get<Name>(entity).Value == name);

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
