using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Application;

/// <summary>
/// The engine's entry point: a world, the plugins that configured it, and the systems they added to named stages.
/// <para>
/// Two ways to drive it: <see cref="Update"/> with the real time elapsed (a fixed-step accumulator decides how many
/// FixedUpdate steps run), or <see cref="RunFrame"/> with an exact number of fixed steps (headless runs and tests).
/// </para>
/// </summary>
public sealed partial class App : IDisposable
{
    private readonly List<IPlugin> _plugins = new();
    private readonly List<Action> _eventUpdaters = new();
    private string? _buildingPlugin;
    private bool _started;
    private double _accumulator;

    public App(AppSettings settings = default)
    {
        Settings = settings == default ? new AppSettings() : settings;
        if (!(Settings.FixedDelta > 0) || !double.IsFinite(Settings.FixedDelta))
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput,
                $"AppSettings.FixedDelta must be a positive number of seconds, got {Settings.FixedDelta}");
        World = new World();
        World.SetResource(new Time { FixedDelta = Settings.FixedDelta });
        World.SetResource(new FrameMetrics());
        World.SetResource(new ProbeReadings());
        World.SetResource(ComputeSettings.Default);
        World.SetResource(new FieldCatalog());
        World.SetResource(new RunWarnings());
        World.SetResource(new PluginFaults());
        World.SetResource(new ComputeBackend());
    }

    /// <summary>Releases what the plugins' resources hold outside managed memory (a Vulkan device, say).</summary>
    public void Dispose() => World.DisposeResources();

    public AppSettings Settings { get; }
    public World World { get; }
    public IReadOnlyList<IPlugin> Plugins => _plugins;

    /// <summary>Names of components as scene files spell them, registered by plugins.</summary>
    public ComponentNames ComponentNames { get; } = new();

    public Time Time => World.Resource<Time>();

    /// <summary>Adds a plugin and runs its Build. Adding a second plugin with the same name is error PML0001.</summary>
    public App AddPlugin(IPlugin plugin)
    {
        var existing = _plugins.FirstOrDefault(p => p.Name == plugin.Name || p.GetType() == plugin.GetType());
        if (existing is not null)
            throw new PhysMLException(ErrorCodes.DuplicatePlugin, ErrorCategory.BadInput,
                $"plugin '{plugin.Name}' ({plugin.GetType().FullName}) is added twice; " +
                $"'{existing.Name}' ({existing.GetType().FullName}) is already in the app. Add each plugin once.");
        _plugins.Add(plugin);
        var outer = _buildingPlugin;
        _buildingPlugin = plugin.Name;
        try
        {
            plugin.Build(this);
        }
        finally
        {
            _buildingPlugin = outer;
        }
        return this;
    }

    public bool HasPlugin(string name) => _plugins.Any(p => p.Name == name);

    /// <summary>Registers a double-buffered event channel; its buffers turn over at the start of each frame.</summary>
    public App AddEvent<T>()
    {
        if (World.HasResource<Events<T>>()) return this;
        var events = new Events<T>();
        World.SetResource(events);
        _eventUpdaters.Add(events.Update);
        return this;
    }

    /// <summary>Registers a component under the name scene files use for it (camelCase by convention).</summary>
    public App RegisterComponent<T>(string sceneName) where T : struct
    {
        ComponentNames.Register(sceneName, typeof(T), _buildingPlugin);
        World.Components.Register<T>();
        return this;
    }

    /// <summary>Runs the Startup and PostStartup stages once. <see cref="RunFrame"/> and <see cref="Update"/> call it when needed.</summary>
    public void Startup()
    {
        if (_started) return;
        _started = true;
        RunStage(Stage.Startup);
        RunStage(Stage.PostStartup);
    }

    /// <summary>Runs one frame with exactly <paramref name="fixedSteps"/> FixedUpdate steps (manual stepping).</summary>
    public void RunFrame(int fixedSteps = 1)
    {
        if (fixedSteps < 0) throw new ArgumentOutOfRangeException(nameof(fixedSteps), fixedSteps, "must be >= 0");
        Startup();
        BeginFrame();
        RunStage(Stage.PreUpdate);
        for (var s = 0; s < fixedSteps; s++) RunFixedStep();
        FinishFrame();
    }

    /// <summary>
    /// Runs one real-time frame: adds <paramref name="realElapsed"/> to the accumulator and runs as many fixed steps
    /// as it holds (at most <see cref="AppSettings.MaxFixedStepsPerFrame"/>). Returns the number of fixed steps run.
    /// </summary>
    public int Update(TimeSpan realElapsed)
    {
        Startup();
        BeginFrame();
        RunStage(Stage.PreUpdate);
        _accumulator += Math.Max(0, realElapsed.TotalSeconds);
        var steps = 0;
        while (_accumulator >= Settings.FixedDelta && steps < Settings.MaxFixedStepsPerFrame)
        {
            RunFixedStep();
            _accumulator -= Settings.FixedDelta;
            steps++;
        }
        if (steps == Settings.MaxFixedStepsPerFrame) _accumulator = Math.Min(_accumulator, Settings.FixedDelta);
        FinishFrame();
        return steps;
    }

    private void BeginFrame()
    {
        World.Resource<FrameMetrics>().Clear();
        World.Resource<ProbeReadings>().Clear();
        foreach (var update in _eventUpdaters) update();
    }

    private void RunFixedStep()
    {
        RunStage(Stage.FixedUpdate);
        ref var time = ref World.Resource<Time>();
        time = time with { FixedStep = time.FixedStep + 1 };
    }

    private void FinishFrame()
    {
        // Only once a plugin is disabled, so runs without faults keep their metrics.jsonl keys.
        if (World.Resource<PluginFaults>().Faults.Count is > 0 and var disabled) World.Resource<FrameMetrics>().Set("plugins.disabled", disabled);
        RunStage(Stage.Update);
        RunStage(Stage.PostUpdate);
        RunStage(Stage.Extract);
        RunStage(Stage.Render);
        ref var time = ref World.Resource<Time>();
        time = time with { Frame = time.Frame + 1 };
    }
}
