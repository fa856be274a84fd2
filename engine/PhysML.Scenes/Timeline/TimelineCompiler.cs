using System.Reflection;
using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Timeline;

/// <summary>
/// Checks a scene's timeline at load, before anything runs, and reports each problem at its JSON path: when (one of
/// frame or time, not in the past), one action per event, entity names, components and fields that exist at that point
/// of the timeline (events are replayed in order on a model of the named entities), values of the right type and range,
/// and no change to a component its plugin reads only at Startup (<see cref="ReadAtStartupAttribute"/>).
/// Metric names cannot be checked here: plugins report metrics while they run. A missing one fails its assertion.
/// </summary>
internal sealed class TimelineCompiler
{
    private readonly SceneFile _file;
    private readonly App _app;
    private readonly Action<string, string, string> _report;
    private readonly Func<string, string> _unknownComponent;
    // The named entities at the current point of the timeline: name → (scene component name → value). A list, since
    // a file may give two entities one name (neither can then be addressed).
    private readonly Dictionary<string, List<Dictionary<string, object>>> _named = new(StringComparer.Ordinal);

    private TimelineCompiler(SceneFile file, App app, Action<string, string, string> report, Func<string, string> unknownComponent)
    {
        (_file, _app, _report, _unknownComponent) = (file, app, report, unknownComponent);
    }

    /// <summary>The checked timeline of <paramref name="file"/>, loaded into <paramref name="app"/>; problems go to
    /// <paramref name="report"/>, with <paramref name="unknownComponent"/> the loader's message for a component name no
    /// enabled plugin registers.</summary>
    public static SceneTimeline Compile(SceneFile file, App app, Action<string, string, string> report, Func<string, string> unknownComponent)
    {
        if (file.Timeline.Count == 0) return SceneTimeline.Empty;
        var compiler = new TimelineCompiler(file, app, report, unknownComponent);
        compiler.ModelFileEntities();
        var timed = new List<ScheduledEvent>();
        for (var i = 0; i < file.Timeline.Count; i++)
            if (compiler.When(i) is { } frame) timed.Add(new ScheduledEvent($"$.timeline[{i}]", frame, file.Timeline[i]));
        // Stable: events of one frame keep the file's order.
        var sorted = timed.OrderBy(e => e.Frame).ToList();
        var events = new List<ScheduledEvent>();
        foreach (var e in sorted)
            if (compiler.Check(e) is { } checkedEvent) events.Add(checkedEvent);
        return new SceneTimeline(events);
    }

    private void ModelFileEntities()
    {
        foreach (var entity in _app.World.GetEntities(new QueryDescription().WithAll<Name>()))
        {
            var components = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var value in _app.World.GetAllBoxed(entity))
                if (SceneName(value.GetType()) is { } sceneName) components[sceneName] = value;
            Named(_app.World.Get<Name>(entity).Value).Add(components);
        }
    }

    private List<Dictionary<string, object>> Named(string name) =>
        _named.TryGetValue(name, out var list) ? list : _named[name] = new List<Dictionary<string, object>>();

    private string? SceneName(Type type) =>
        _app.ComponentNames.Names.FirstOrDefault(n => _app.ComponentNames.TryGet(n, out var t) && t == type);

    private int? When(int index)
    {
        var e = _file.Timeline[index];
        var path = $"$.timeline[{index}]";
        var actions = new object?[] { e.Set, e.Add, e.Remove, e.Assert, e.Pressure, e.Training, e.Screenshot }.Count(a => a is not null);
        if (actions != 1)
        {
            _report(path, ErrorCodes.InvalidTimeline,
                $"an event has exactly one action (set, add, remove, assert, pressure, training or screenshot); this one has {actions}");
            return null;
        }
        switch (e.At)
        {
            case { Frame: { } frame, Time: null }:
                if (frame >= 0) return frame;
                _report($"{path}.at.frame", ErrorCodes.InvalidTimeline, $"must be >= 0 (frame 0 is the initial state), got {frame}");
                return null;
            case { Frame: null, Time: { } time }:
                var frameDuration = _file.Time.Dt * _file.Time.StepsPerFrame;
                if (double.IsFinite(time) && time >= 0 && frameDuration > 0 && time / frameDuration < 10_000_000)
                    // The first frame whose end time reaches t; the tolerance keeps 0.1 s at 0.02 s per frame on frame 5.
                    return (int)Math.Ceiling(time / frameDuration - 1e-9);
                _report($"{path}.at.time", ErrorCodes.InvalidTimeline, $"must be a finite time >= 0 s within the run, got {time}");
                return null;
            default:
                _report($"{path}.at", ErrorCodes.InvalidTimeline, "give exactly one of frame or time (s)");
                return null;
        }
    }

    private ScheduledEvent? Check(ScheduledEvent e)
    {
        var source = e.Source;
        if (source.Set is { } set) return CheckSet(e, set);
        if (source.Add is { } add) return CheckAdd(e, add);
        if (source.Remove is { } remove) return CheckRemove(e, remove);
        if (source.Pressure is { } pressure) return CheckPressure(e, pressure);
        if (source.Training is not null) return CheckTraining(e);
        if (source.Screenshot is { } screenshot) return CheckScreenshot(e, screenshot);
        return CheckAssert(e, source.Assert!);
    }

    private ScheduledEvent? CheckSet(ScheduledEvent e, TimelineSet set)
    {
        var at = $"{e.JsonPath}.set.path";
        if (!ComponentFieldPath.TryParse(set.Path, out var path, out var error))
            return Fail(at, error);
        if (Live(path.Entity, at) is not { } entity) return null;
        if (!_app.ComponentNames.TryGet(path.Component, out var type))
            return Fail(at, _unknownComponent(path.Component));
        if (!entity.TryGetValue(path.Component, out var current))
            return Fail(at, $"entity '{path.Entity}' has no {path.Component}; it has: {string.Join(", ", entity.Keys.Order(StringComparer.Ordinal))}");
        if (StartupOnly(type, path.Component) is { } reason) return Fail(at, reason);
        var changed = ComponentFields.With(current, path.Fields, set.Value, out error, out var badPath);
        if (changed is null) return Fail(badPath ? at : $"{e.JsonPath}.set.value", $"{path}: {error}");
        entity[path.Component] = changed;
        return e with { SetPath = path, SetComponent = type };
    }

    private ScheduledEvent? CheckAdd(ScheduledEvent e, SceneEntity add)
    {
        var at = $"{e.JsonPath}.add";
        if (string.IsNullOrEmpty(add.Name)) return Fail($"{at}.name", "an added entity needs a name, so later events can change or remove it");
        if (_named.TryGetValue(add.Name, out var existing) && existing.Count > 0)
            return Fail($"{at}.name", $"an entity named '{add.Name}' exists at frame {e.Frame}; names address entities, so they must be unique");
        var components = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = false;
        foreach (var (name, json) in add.Components)
        {
            var componentPath = $"{at}.components.{name}";
            if (!_app.ComponentNames.TryGet(name, out var type))
            {
                _report(componentPath, ErrorCodes.UnknownComponent, _unknownComponent(name));
                failed = true;
            }
            else if (StartupOnly(type, name) is { } reason)
            {
                Fail(componentPath, reason);
                failed = true;
            }
            else if (SceneLoader.ReadComponent(json, type, componentPath, _report) is { } value) components[name] = value;
            else failed = true;
        }
        if (failed) return null;
        Named(add.Name).Add(components);
        return e with { AddedComponents = components.Values.ToList() };
    }

    private ScheduledEvent? CheckRemove(ScheduledEvent e, string name)
    {
        var at = $"{e.JsonPath}.remove";
        if (Live(name, at) is not { } entity) return null;
        foreach (var component in entity.Keys)
            if (_app.ComponentNames.TryGet(component, out var type) && StartupOnly(type, component) is { } reason)
                return Fail(at, $"entity '{name}' has a {component}: {reason}");
        _named[name].Clear();
        return e;
    }

    private ScheduledEvent? CheckAssert(ScheduledEvent e, TimelineAssertion assertion)
    {
        var at = $"{e.JsonPath}.assert";
        if (e.Frame < 1) return Fail($"{e.JsonPath}.at", "an assertion needs frame >= 1: metrics are recorded from frame 1 on");
        if (string.IsNullOrWhiteSpace(assertion.Metric)) return Fail($"{at}.metric", "name a metrics.jsonl key, e.g. fluid.max_divergence");
        if (!double.IsFinite(assertion.Value)) return Fail($"{at}.value", $"must be a finite number, got {assertion.Value}");
        return e;
    }

    private ScheduledEvent? CheckPressure(ScheduledEvent e, TimelinePressure pressure)
    {
        var at = $"{e.JsonPath}.pressure";
        if (!_app.World.TryGetResource(out PressureControls controls))
            return Fail(at, "no plugin of this scene has a pressure solve to switch (the fluid plugin has)");
        if (pressure.Preconditioner is null && pressure.Backend is null)
            return Fail(at, "give preconditioner, backend or both");
        if (pressure.Preconditioner is { } name && !controls.Preconditioners.Contains(name))
            return Fail($"{at}.preconditioner", $"unknown preconditioner '{name}'; known: {string.Join(", ", controls.Preconditioners)}");
        if (pressure.Backend is { } backend && !controls.Backends.Contains(backend))
            return Fail($"{at}.backend", $"unknown backend '{backend}'; known: {string.Join(", ", controls.Backends)}");
        return e;
    }

    private ScheduledEvent? CheckTraining(ScheduledEvent e)
    {
        var at = $"{e.JsonPath}.training";
        if (!_app.World.TryGetResource(out PressureControls controls))
            return Fail(at, "no plugin of this scene has a learned pressure model to train (the fluid plugin with fluidDomain.pressureModel has)");
        return controls.TrainingUnavailable(_app.World) is { } reason ? Fail(at, reason) : e;
    }

    private ScheduledEvent? CheckScreenshot(ScheduledEvent e, TimelineScreenshot screenshot)
    {
        if (screenshot.Name is { } name && (name.Length == 0 || name.Length > 100 || name is "." or ".." ||
                                            !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            return Fail($"{e.JsonPath}.screenshot.name", $"'{name}' is not a plain file name (letters, digits, '.', '_', '-'; at most 100)");
        return e;
    }

    private Dictionary<string, object>? Live(string name, string at)
    {
        var found = _named.TryGetValue(name, out var list) ? list : new List<Dictionary<string, object>>();
        if (found.Count == 1) return found[0];
        var live = _named.Where(n => n.Value.Count == 1).Select(n => n.Key).Order(StringComparer.Ordinal).ToList();
        Fail(at, found.Count == 0
            ? $"no entity named '{name}' exists at this point of the timeline; named entities: {(live.Count == 0 ? "(none)" : string.Join(", ", live))}"
            : $"{found.Count} entities are named '{name}'; give them unique names to address one");
        return null;
    }

    private static string? StartupOnly(Type type, string sceneName) =>
        type.GetCustomAttribute<ReadAtStartupAttribute>() is null ? null
            : $"{sceneName} is read once, at Startup, by its plugin; changing, adding or removing it later would have no effect " +
              "(a sweep can vary it: physml sweep --param)";

    private ScheduledEvent? Fail(string jsonPath, string message)
    {
        _report(jsonPath, ErrorCodes.InvalidTimeline, message);
        return null;
    }
}
