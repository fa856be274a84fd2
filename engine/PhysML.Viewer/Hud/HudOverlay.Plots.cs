using PhysML.Viewer.Simulation;
using SkiaSharp;

namespace PhysML.Viewer.Hud;

public sealed partial class HudOverlay
{
    private const float PlotWidth = 240;
    private const float PlotHeight = 80;

    private void DrawPlots(SKCanvas canvas, ViewerSnapshot s, int width, int height)
    {
        // Below this the plots would cover the status panel or the field; a small window shows text only.
        if (width < 640 || height < 400) return;
        float left = width - PlotWidth - Margin;
        float residualTop = height - PlotHeight - Margin;
        float iterationTop = residualTop - PlotHeight - LineHeight - 2 * Margin;
        var iterations = new double[Iterations.Count];
        for (int i = 0; i < iterations.Length; i++) iterations[i] = Iterations[i];
        double last = iterations.Length > 0 ? iterations[^1] : 0;
        Plot(canvas, left, iterationTop, $"iterations/frame  {last:F0}", iterations, Iterations.Capacity, logarithmic: false);
        Plot(canvas, left, residualTop, $"last solve ||r||/||b||  ({s.Residuals.Count} it)", s.Residuals.ToArray(), s.Residuals.Count, logarithmic: true);
    }

    /// <summary>A line plot of <paramref name="values"/> over <paramref name="slots"/> x positions, auto-scaled in y
    /// (log10 for residuals, which fall by orders of magnitude), with the range printed at its corners.</summary>
    private void Plot(SKCanvas canvas, float left, float top, string title, double[] values, int slots, bool logarithmic)
    {
        canvas.DrawRect(left - 4, top - LineHeight, PlotWidth + 8, PlotHeight + LineHeight + 4, _panel);
        canvas.DrawText(title, left, top - 4, SKTextAlign.Left, _font, _text);
        double[] y = values.Select(v => logarithmic ? Math.Log10(Math.Max(v, 1e-300)) : v).Where(double.IsFinite).ToArray();
        if (y.Length < 2) return;
        double low = y.Min();
        double high = y.Max();
        if (high <= low) high = low + 1;
        using var path = new SKPath();
        for (int i = 0; i < y.Length; i++)
        {
            float px = left + PlotWidth * i / Math.Max(slots - 1, 1);
            float py = top + PlotHeight - (float)((y[i] - low) / (high - low)) * PlotHeight;
            if (i == 0) path.MoveTo(px, py);
            else path.LineTo(px, py);
        }

        canvas.DrawPath(path, _line);
        string Label(double v) => logarithmic ? $"1e{v:F0}" : Format(v);
        canvas.DrawText(Label(high), left + PlotWidth, top + LineHeight - 4, SKTextAlign.Right, _font, _text);
        canvas.DrawText(Label(low), left + PlotWidth, top + PlotHeight - 2, SKTextAlign.Right, _font, _text);
    }
}
