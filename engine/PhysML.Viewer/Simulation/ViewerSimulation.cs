using System.Diagnostics;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;

namespace PhysML.Viewer.Simulation;

/// <summary>
/// Runs a scene on its own thread, frame after frame, and publishes a <see cref="ViewerSnapshot"/> at every frame
/// boundary through a <see cref="SnapshotExchange{T}"/>: the window thread renders the latest snapshot and never waits
/// for a solve, and a solve never waits for a frame. The App is created, stepped and disposed on this thread only.
/// </summary>
/// <remarks>
/// An exception from a plugin does not end the viewer: its message goes into the snapshot (the HUD shows it) and the
/// simulation pauses until R reloads the scene. A paused simulation sleeps on an event, it does not spin.
/// </remarks>
public sealed partial class ViewerSimulation : IDisposable
{
    private readonly Func<LoadedScene> _load;
    private readonly string _backend;
    private readonly Queue<SimulationCommand> _commands = new();
    private readonly Lock _lock = new();
    private readonly AutoResetEvent _wake = new(false);
    private Thread? _thread;
    private volatile bool _stop;

    private LoadedScene? _scene;
    private bool _paused;
    private int _stepsRequested;
    private int _fieldIndex = -1;
    private string? _error;
    private double _simulateMs;

    /// <param name="load">Loads the scene file (again on every reset); called on the simulation thread.</param>
    /// <param name="backend">The compute backend the run asks for: <c>cpu</c> or <c>vulkan</c>.</param>
    /// <param name="startPaused">Start at frame 0, paused (tests step frame by frame).</param>
    public ViewerSimulation(Func<LoadedScene> load, string backend = ComputeBackend.Cpu, bool startPaused = false)
    {
        _load = load;
        _backend = backend;
        _paused = startPaused;
    }

    public SnapshotExchange<ViewerSnapshot> Snapshots { get; } = new(() => new ViewerSnapshot());

    /// <summary>Solver, backend and training switches; the fluid plugin applies them at frame boundaries.</summary>
    public RuntimeControls Controls { get; } = new();

    /// <summary>Frames run since the thread started (all scene loads together); tests wait on it.</summary>
    public long FramesRun => Interlocked.Read(ref _framesRun);

    private long _framesRun;

    /// <summary>Snapshots published so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    private long _published;

    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the simulation thread is already running");
        _thread = new Thread(Run) { Name = "PhysML simulation", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="command"/> for the next frame boundary. Thread-safe.</summary>
    public void Post(SimulationCommand command)
    {
        lock (_lock)
        {
            _commands.Enqueue(command);
        }

        _wake.Set();
    }

    /// <summary>Queues a solver/backend/training switch (S, B, T) for the plugin that owns it.</summary>
    public void Post(RuntimeCommand command)
    {
        Controls.Post(command);
        // A paused simulation still applies switches: the next Step runs with them; wake it to publish the new status.
        _wake.Set();
    }

    public void Dispose()
    {
        if (_stop) return;
        _stop = true;
        _wake.Set();
        _thread?.Join();
        _wake.Dispose();
    }

    private void Run()
    {
        Load();
        Publish();
        while (!_stop)
        {
            bool publish = ApplyCommands();
            if (_scene is not null && _error is null && (!_paused || _stepsRequested > 0))
            {
                if (_stepsRequested > 0) _stepsRequested--;
                RunFrame();
                publish = true;
            }

            if (publish)
            {
                Publish();
            }
            else
            {
                // Paused, nothing asked: sleep until a command arrives (the timeout only bounds shutdown latency).
                _wake.WaitOne(TimeSpan.FromMilliseconds(250));
            }
        }

        Unload();
    }

    private bool ApplyCommands()
    {
        SimulationCommand[] commands;
        lock (_lock)
        {
            commands = _commands.ToArray();
            _commands.Clear();
        }

        foreach (SimulationCommand command in commands)
        {
            switch (command)
            {
                case SimulationCommand.TogglePause:
                    _paused = !_paused;
                    break;
                case SimulationCommand.Step:
                    _paused = true;
                    _stepsRequested++;
                    break;
                case SimulationCommand.Reset:
                    Unload();
                    Load();
                    break;
                case SimulationCommand.CycleField:
                    _fieldIndex++;
                    break;
            }
        }

        return commands.Length > 0;
    }

    private void Load()
    {
        _error = null;
        _stepsRequested = 0;
        try
        {
            LoadedScene scene = _load();
            _scene = scene;
            World world = scene.App.World;
            world.SetResource(new ComputeBackend(_backend));
            world.SetResource(Controls);
            world.SetResource(new ResidualHistory());
            try
            {
                scene.App.Startup();
            }
            catch (ComponentValueException e)
            {
                throw scene.Locate(e);
            }

            _sceneFrame = 0;
            ApplyTimeline(scene);
            if (_fieldIndex < 0 && scene.File.Output.Display is { } display)
            {
                _fieldIndex = Math.Max(0, DisplayableFields().FindIndex(f => f.Name == display));
            }
        }
        catch (Exception e) when (e is PhysMLException or IOException or InvalidOperationException or ArgumentException)
        {
            Fail(e);
        }
    }

    private void RunFrame()
    {
        try
        {
            long start = Stopwatch.GetTimestamp();
            _scene!.App.RunFrame(_scene.File.Time.StepsPerFrame);
            _simulateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            _sceneFrame++;
            ApplyTimeline(_scene);
            Interlocked.Increment(ref _framesRun);
        }
        catch (Exception e)
        {
            // Any exception: a plugin's bug must reach the HUD, not tear down the window with the simulation.
            Fail(e);
        }
    }

    private void Fail(Exception e)
    {
        _error = e is PhysMLException coded ? coded.ToString() : $"{e.GetType().Name}: {e.Message}";
        _paused = true;
    }

    private void Unload()
    {
        try
        {
            _scene?.App.Dispose();
        }
        catch (Exception e) when (e is PhysMLException or InvalidOperationException or IOException)
        {
            _error = $"disposing the scene failed: {e.Message}";
        }

        _scene = null;
    }
}
