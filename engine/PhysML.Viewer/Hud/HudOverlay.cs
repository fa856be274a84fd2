using System.Globalization;
using System.Runtime.InteropServices;
using PhysML.Viewer.Rendering;
using PhysML.Viewer.Simulation;
using SkiaSharp;

namespace PhysML.Viewer.Hud;

/// <summary>
/// Draws the HUD with SkiaSharp into a transparent, premultiplied RGBA8 overlay the size of the window: status text
/// (scene, frame, field and its range, fps and the frame-time breakdown, solver, backend, training), a colour bar,
/// live plots of iterations per frame and of the last solve's residual history, the error of a failed simulation and
/// the help overlay. <see cref="PhysML.Rendering.OverlayCompositor"/> blends it over the viewport on the GPU (the renderer's one composite pass).
/// </summary>
public sealed partial class HudOverlay : IDisposable
{
    /// <summary>DejaVu from fonts-dejavu-core (scripts/bootstrap.sh); Skia's default typeface needs fontconfig, which
    /// the NoDependencies native build lacks, so without a file the text would not render.</summary>
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    private const float Margin = 10;
    private const float LineHeight = 17;

    private readonly SKTypeface _typeface;
    private readonly SKFont _font;
    private readonly SKPaint _text = new() { Color = SKColors.White, IsAntialias = true };
    private readonly SKPaint _panel = new() { Color = new SKColor(0, 0, 0, 150) };
    private readonly SKPaint _line = new() { Color = new SKColor(120, 220, 255), IsAntialias = true, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke };
    private SKBitmap? _bitmap;

    public HudOverlay()
    {
        _typeface = File.Exists(FontPath) ? SKTypeface.FromFile(FontPath) : SKTypeface.Default;
        _font = new SKFont(_typeface, 13);
    }

    /// <summary>Iterations of the pressure solve per simulation frame, the last 240 frames.</summary>
    public RollingSeries Iterations { get; } = new(240);

    /// <summary>A short message (screenshot written, a switch that did nothing) shown under the status lines.</summary>
    public string? Message { get; set; }

    /// <summary>Draws the HUD for <paramref name="snapshot"/> and returns the overlay's pixels (premultiplied RGBA8,
    /// R lowest, top row first); valid until the next call.</summary>
    public ReadOnlySpan<uint> Draw(ViewerSnapshot snapshot, HudTimings timings, bool showHelp, int width, int height)
    {
        if (_bitmap is null || _bitmap.Width != width || _bitmap.Height != height)
        {
            _bitmap?.Dispose();
            _bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        }

        using (var canvas = new SKCanvas(_bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            DrawStatus(canvas, snapshot, timings);
            DrawColourBar(canvas, snapshot, height);
            DrawPlots(canvas, snapshot, width, height);
            if (snapshot.Error is { } error) DrawError(canvas, error, width);
            if (showHelp) DrawHelp(canvas, width, height);
        }

        return MemoryMarshal.Cast<byte, uint>(_bitmap.GetPixelSpan());
    }

    public void Dispose()
    {
        _bitmap?.Dispose();
        _font.Dispose();
        _typeface.Dispose();
        _text.Dispose();
        _panel.Dispose();
        _line.Dispose();
    }

    private void DrawStatus(SKCanvas canvas, ViewerSnapshot s, HudTimings t)
    {
        List<string> lines = StatusLines(s, t, Message);
        float width = lines.Max(line => _font.MeasureText(line)) + 2 * Margin;
        canvas.DrawRect(Margin / 2, Margin / 2, width, lines.Count * LineHeight + Margin, _panel);
        for (int i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], Margin, Margin + LineHeight * (i + 0.8f), SKTextAlign.Left, _font, _text);
        }
    }

    private void DrawColourBar(SKCanvas canvas, ViewerSnapshot s, int height)
    {
        if (s.FieldName.Length == 0) return;
        (Scenes.Recording.Colormap map, double low, double high) = ColormapViewportRenderer.ColourScale(s.Min, s.Max);
        const float barWidth = 200;
        const float barHeight = 12;
        float left = Margin;
        float top = height - Margin - barHeight - LineHeight;
        canvas.DrawRect(left - 4, top - 4, barWidth + 8, barHeight + LineHeight + 8, _panel);
        using var paint = new SKPaint();
        for (int x = 0; x < barWidth; x++)
        {
            (byte r, byte g, byte b) = map.At(x / (barWidth - 1));
            paint.Color = new SKColor(r, g, b);
            canvas.DrawRect(left + x, top, 1, barHeight, paint);
        }

        float labelY = top + barHeight + LineHeight - 4;
        canvas.DrawText(Format(low), left, labelY, SKTextAlign.Left, _font, _text);
        canvas.DrawText(Format(high), left + barWidth, labelY, SKTextAlign.Right, _font, _text);
    }

    private void DrawError(SKCanvas canvas, string error, int width)
    {
        using var red = new SKPaint { Color = new SKColor(170, 20, 20, 220) };
        string[] lines = Wrap($"simulation stopped: {error}  (R reloads the scene)", Math.Max(20, (int)((width - 4 * Margin) / 8)));
        float top = 140;
        canvas.DrawRect(Margin, top, width - 2 * Margin, lines.Length * LineHeight + Margin, red);
        for (int i = 0; i < lines.Length; i++)
        {
            canvas.DrawText(lines[i], 2 * Margin, top + Margin / 2 + LineHeight * (i + 0.8f), SKTextAlign.Left, _font, _text);
        }
    }

    private void DrawHelp(SKCanvas canvas, int width, int height)
    {
        float panelWidth = 380;
        float panelHeight = (KeyHelp.Lines.Count + 1) * LineHeight + 2 * Margin;
        float left = (width - panelWidth) / 2;
        float top = Math.Max(Margin, (height - panelHeight) / 2);
        using var panel = new SKPaint { Color = new SKColor(10, 10, 30, 220) };
        canvas.DrawRect(left, top, panelWidth, panelHeight, panel);
        canvas.DrawText("PhysML viewer keys", left + Margin, top + Margin + LineHeight * 0.8f, SKTextAlign.Left, _font, _text);
        for (int i = 0; i < KeyHelp.Lines.Count; i++)
        {
            float y = top + Margin + LineHeight * (i + 1.8f);
            canvas.DrawText(KeyHelp.Lines[i].Keys, left + Margin, y, SKTextAlign.Left, _font, _text);
            canvas.DrawText(KeyHelp.Lines[i].Action, left + 150, y, SKTextAlign.Left, _font, _text);
        }
    }

    /// <summary>The status panel's lines, top to bottom: scene and time, field and range, fps, the simulate / solve /
    /// render breakdown, the pressure solver with its preconditioner and backend, the last solve's iterations and final
    /// residual, training (loss, model version) and any message. Separate from drawing so tests read the text.</summary>
    internal static List<string> StatusLines(ViewerSnapshot s, HudTimings t, string? message)
    {
        var lines = new List<string>
        {
            $"{s.SceneName}  frame {s.Frame}  t = {Format(s.SimulatedTime)} s{(s.Paused ? "  [PAUSED]" : "")}",
            s.FieldName.Length == 0 ? "no 2D/3D field to show" : $"{s.FieldName} [{s.FieldUnit}]  {Format(s.Min)} .. {Format(s.Max)}  ({string.Join("x", s.FieldShape.Reverse())})",
            $"{t.Fps:F1} fps  {t.FrameMs:F1} ms/frame  vsync {(t.VSync ? "on" : "off")}",
            $"simulate {s.SimulateMs:F1} ms  solve {s.SolveMs:F1} ms  render {t.RenderMs:F1} ms  present {t.PresentMs:F1} ms",
        };
        if (s.Controls is { } c)
        {
            string preconditioner = c.Preconditioner is { } p ? $", preconditioner {p}" : "";
            lines.Add($"pressure: {c.Solver}{preconditioner} on {c.Backend}");
        }

        // The residual plot needs a large window; the numbers show at any size.
        if (s.Residuals.Count > 0)
        {
            lines.Add($"last solve: {s.Residuals.Count} it, ||r||/||b|| {Format(s.Residuals[0])} -> {Format(s.Residuals[^1])}");
        }

        if (s.Controls is { } controls)
        {
            if (controls.Training is { } training)
            {
                string loss = s.Metrics.TryGetValue("train.loss", out double l) ? $"  loss {Format(l)}" : "";
                lines.Add($"training {(training ? "on" : "paused")}{loss}  model v{s.Metrics.GetValueOrDefault("model.version"):F0}");
            }
            else if (s.Metrics.TryGetValue("model.version", out double version))
            {
                lines.Add($"learned model v{version:F0}");
            }

            if (controls.Note is { } note) lines.Add(note);
        }

        if (message is { } m) lines.Add(m);
        lines.Add("H: help");
        return lines;
    }

    internal static string Format(double value) => value.ToString(Math.Abs(value) is >= 1e-3 and < 1e5 or 0 ? "0.####" : "0.##e0", CultureInfo.InvariantCulture);

    private static string[] Wrap(string text, int columns)
    {
        var lines = new List<string>();
        for (int start = 0; start < text.Length; start += columns)
        {
            lines.Add(text.Substring(start, Math.Min(columns, text.Length - start)));
        }

        return lines.Take(6).ToArray();
    }
}
