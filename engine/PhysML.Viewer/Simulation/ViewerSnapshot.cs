using PhysML.Core.Application;

namespace PhysML.Viewer.Simulation;

/// <summary>
/// What the simulation thread hands the window thread at a frame boundary: a copy of the displayed field and of the
/// figures the HUD shows. The window never touches the App; the simulation never touches the window.
/// </summary>
public sealed class ViewerSnapshot
{
    /// <summary>Frames completed since the scene was (re)loaded.</summary>
    public long Frame { get; set; }

    /// <summary>Simulated time, s.</summary>
    public double SimulatedTime { get; set; }

    public string SceneName { get; set; } = "";

    /// <summary>Every field the scene exposes, in catalog order; F / Tab cycles through them.</summary>
    public IReadOnlyList<string> FieldNames { get; set; } = [];

    /// <summary>The displayed field's name, unit and shape in C order ([ny, nx] or [nz, ny, nx]); empty when none.</summary>
    public string FieldName { get; set; } = "";

    public string FieldUnit { get; set; } = "";

    public int[] FieldShape { get; set; } = [];

    /// <summary>The displayed field's values (a copy, reused between frames by the same buffer).</summary>
    public double[] Values { get; set; } = [];

    /// <summary>1 in obstacle cells, same shape as the field; empty when the scene has no <c>solid</c> field or it differs in shape.</summary>
    public double[] Solid { get; set; } = [];

    /// <summary>The cell-centred 2D velocity when the scene has one of the displayed 2D field's size (for glyphs), else null.</summary>
    public PhysML.Rendering.CellVelocity? Velocity { get; set; }

    /// <summary>The finite minimum and maximum of <see cref="Values"/> (0, 0 when none is finite).</summary>
    public double Min { get; set; }

    public double Max { get; set; }

    /// <summary>The frame's metrics (FrameMetrics), e.g. solve.iterations, train.loss, model.version.</summary>
    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    /// <summary>‖r‖/‖b‖ per iteration of the frame's last pressure solve (empty when none was recorded).</summary>
    public IReadOnlyList<double> Residuals { get; set; } = [];

    /// <summary>The pressure solver, backend and training state in effect; null when the scene has no run-time controls.</summary>
    public RuntimeControlStatus? Controls { get; set; }

    /// <summary>Wall time of the frame's whole simulation step and of its pressure solves, ms.</summary>
    public double SimulateMs { get; set; }

    public double SolveMs { get; set; }

    public bool Paused { get; set; }

    /// <summary>The message of an exception the simulation threw; the simulation pauses until reset.</summary>
    public string? Error { get; set; }

    /// <summary>Warnings the scene raised (RunWarnings), shown briefly in the HUD.</summary>
    public IReadOnlyList<string> Warnings { get; set; } = [];
}
