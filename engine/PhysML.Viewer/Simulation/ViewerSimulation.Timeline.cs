using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;

namespace PhysML.Viewer.Simulation;

/// <summary>
/// The scene's timeline in the viewer, applied as <c>physml run</c> applies it: after Startup (frame 0) and after each
/// frame, its sets, adds, removes and solver switches change the world, and its assertions are checked (a failing one
/// stops the simulation with its PML0601 message in the HUD, as it stops a run). Screenshot events are skipped: the
/// viewer's screenshots are the window's (P, <c>--capture-at</c>). A reload (R) starts the timeline again.
/// </summary>
public sealed partial class ViewerSimulation
{
    // Frames since the scene was loaded: the timeline's frame numbers, as in a run.
    private int _sceneFrame;

    private void ApplyTimeline(LoadedScene scene)
    {
        var metrics = scene.App.World.Resource<FrameMetrics>();
        double? Metric(string key) => key switch
        {
            "t" => scene.App.Time.Elapsed,
            "step_ms" => _simulateMs,
            _ => metrics.TryGet(key, out var value) ? value : null,
        };
        IEnumerable<string> Names() => new[] { "t", "step_ms" }.Concat(metrics.Entries.Select(e => e.Key));
        scene.Timeline.AfterFrame(_sceneFrame, scene.App.World, Metric, Names);
    }
}
