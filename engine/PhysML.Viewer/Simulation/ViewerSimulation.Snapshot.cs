using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Rendering;

namespace PhysML.Viewer.Simulation;

public sealed partial class ViewerSimulation
{
    /// <summary>The FrameMetrics key of the pressure projection's wall time per frame (fluid plugin), shown as "solve".</summary>
    public const string SolveMillisecondsMetric = "fluid.project_ms";

    private List<FieldView> DisplayableFields() =>
        _scene is null ? [] : _scene.App.World.Resource<FieldCatalog>().Fields.Where(f => f.Shape.Length is 2 or 3).ToList();

    private void Publish()
    {
        ViewerSnapshot snapshot = Snapshots.Back;
        snapshot.Paused = _paused;
        snapshot.Error = _error;
        snapshot.SimulateMs = _simulateMs;
        snapshot.Controls = Controls.Status;
        snapshot.Metrics.Clear();
        if (_scene is null)
        {
            snapshot.FieldNames = [];
            snapshot.FieldName = "";
            snapshot.FieldShape = [];
            snapshot.Values = [];
            snapshot.Solid = [];
            snapshot.Velocity = null;
        }
        else
        {
            Fill(snapshot, _scene.App.World);
        }

        Snapshots.Publish();
        Interlocked.Increment(ref _published);
    }

    private void Fill(ViewerSnapshot snapshot, Core.Ecs.World world)
    {
        snapshot.SceneName = _scene!.Name;
        snapshot.Frame = world.Resource<Time>().Frame;
        snapshot.SimulatedTime = world.Resource<Time>().Elapsed;
        foreach ((string key, double value) in world.Resource<FrameMetrics>().Entries)
        {
            snapshot.Metrics[key] = value;
        }

        snapshot.SolveMs = snapshot.Metrics.GetValueOrDefault(SolveMillisecondsMetric);
        snapshot.Residuals = world.HasResource<ResidualHistory>() ? world.Resource<ResidualHistory>().Residuals : [];
        snapshot.Warnings = world.Resource<RunWarnings>().Messages.ToList();
        List<FieldView> fields = DisplayableFields();
        snapshot.FieldNames = fields.Select(f => f.Name).ToList();
        if (fields.Count == 0)
        {
            snapshot.FieldName = "";
            snapshot.FieldShape = [];
            snapshot.Values = [];
            snapshot.Solid = [];
            snapshot.Velocity = null;
            return;
        }

        FieldView field = fields[Math.Max(_fieldIndex, 0) % fields.Count];
        snapshot.FieldName = field.Name;
        snapshot.FieldUnit = field.Unit;
        snapshot.FieldShape = field.Shape;
        snapshot.Values = CopyInto(snapshot.Values, field.Read().Span);
        (snapshot.Min, snapshot.Max) = FiniteRange(snapshot.Values);
        FieldView? solid = world.Resource<FieldCatalog>().Find("solid");
        snapshot.Solid = solid is not null && solid.Shape.SequenceEqual(field.Shape) && field.Name != "solid"
            ? CopyInto(snapshot.Solid, solid.Read().Span)
            : [];
        // Glyphs are drawn over 2D fields only; the same extraction as the headless renderer's snapshot.
        snapshot.Velocity = field.Shape.Length == 2 && RenderSnapshot.ExtractVelocity(world.Resource<FieldCatalog>()) is { } velocity
            && velocity.Ny == field.Shape[0] && velocity.Nx == field.Shape[1] ? velocity : null;
    }

    private static double[] CopyInto(double[] buffer, ReadOnlySpan<double> values)
    {
        if (buffer.Length != values.Length)
        {
            buffer = new double[values.Length];
        }

        values.CopyTo(buffer);
        return buffer;
    }

    /// <summary>The colormap's range: non-finite cells (a blown-up run) must not stretch it to infinity.</summary>
    internal static (double Min, double Max) FiniteRange(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }

        return min <= max ? (min, max) : (0, 0);
    }
}
