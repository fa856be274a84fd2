using PhysML.Core.Application;
using PhysML.Viewer.Hud;
using PhysML.Viewer.Rendering;
using PhysML.Viewer.Simulation;

namespace PhysML.Viewer.Tests;

/// <summary>
/// The HUD's status text (what the issue asks it to show), read as text rather than pixels: fps and the simulate /
/// solve / render breakdown, the pressure solver with its preconditioner and backend, the last solve's residuals, and
/// training loss with the model version while a model trains.
/// </summary>
[Collection(WindowCollection.Name)]
public sealed class HudStatusTests
{
    private static readonly HudTimings Timings = new(Fps: 59.5, FrameMs: 16.8, RenderMs: 3.4, PresentMs: 1.5, VSync: true);

    [Fact]
    public void Training_shows_its_loss_and_model_version_and_the_breakdown_shows_every_stage()
    {
        var snapshot = new ViewerSnapshot
        {
            SceneName = "s", FieldName = "pressure", FieldUnit = "Pa", FieldShape = [4, 8], SimulateMs = 12.4, SolveMs = 7.5,
            Controls = new RuntimeControlStatus("dcdm", "vulkan", Training: true, Note: null) { Preconditioner = "learned" },
            Residuals = [1, 1e-3, 2e-8],
        };
        snapshot.Metrics["train.loss"] = 0.0425;
        snapshot.Metrics["model.version"] = 7;

        List<string> lines = HudOverlay.StatusLines(snapshot, Timings, message: null);

        Assert.Contains("59.5 fps  16.8 ms/frame  vsync on", lines);
        Assert.Contains("simulate 12.4 ms  solve 7.5 ms  render 3.4 ms  present 1.5 ms", lines);
        Assert.Contains("pressure: dcdm, preconditioner learned on vulkan", lines);
        Assert.Contains("last solve: 3 it, ||r||/||b|| 1 -> 2e-8", lines);
        Assert.Contains("training on  loss 0.0425  model v7", lines);

        snapshot.Controls = snapshot.Controls with { Training = false };
        Assert.Contains("training paused  loss 0.0425  model v7", HudOverlay.StatusLines(snapshot, Timings, null));
    }

    [Fact]
    public void A_flow_scene_reports_its_solver_preconditioner_and_the_last_solves_residuals()
    {
        using ViewerApp viewer = DisplayRetry.Open(() => new ViewerApp(ViewerHarness.Scene("cylinder-channel"),
            new ViewerOptions(160, 120, VSync: false, Visible: false, EnableValidation: true, StartPaused: true),
            context => new GpuViewportRenderer(context)));
        viewer.StartSimulation();
        viewer.RunUntil(v => v.Shown.FieldNames.Count > 0, "the first snapshot");
        viewer.Press(Input.Keys.N);
        viewer.RunUntil(v => v.Shown.Frame == 1, "step 1 (N)");

        ViewerSnapshot shown = viewer.Shown;
        Assert.NotNull(shown.Controls);
        Assert.NotNull(shown.Controls.Preconditioner);
        Assert.NotEmpty(shown.Residuals);
        // The solve converged to the scene's tolerance (pressureTolerance 1e-7).
        Assert.InRange(shown.Residuals[^1], 0, 1e-7);
        List<string> lines = HudOverlay.StatusLines(shown, Timings, null);
        Assert.Contains($"pressure: {shown.Controls.Solver}, preconditioner {shown.Controls.Preconditioner} on {shown.Controls.Backend}", lines);
        Assert.Contains(lines, l => l.StartsWith($"last solve: {shown.Residuals.Count} it, ||r||/||b|| ", StringComparison.Ordinal));

        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }
}
