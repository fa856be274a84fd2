using System.Globalization;
using PhysML.Scenes.Recording;
using SkiaSharp;

namespace PhysML.Rendering;

/// <summary>
/// Draws a frame's legend on an <see cref="OverlayCanvas"/>: a vertical colour bar at the right edge with the field's
/// name and unit above it and its range's ends (and middle) beside it, and the frame number and simulated time at the
/// top left. Sizes scale with the frame's height (720 px is the design size).
/// </summary>
public static class Legend
{
    public static void Draw(OverlayCanvas overlay, Colormap colormap, ValueRange range, string field, string unit, long frame, double time) =>
        Draw(overlay, colormap.At, range, field, unit, frame, time);

    /// <summary>The legend with any colour ramp: <paramref name="colourAt"/> maps 0..1 (bottom to top of the bar) to sRGB.</summary>
    public static void Draw(OverlayCanvas overlay, Func<double, (byte R, byte G, byte B)> colourAt, ValueRange range, string field, string unit, long frame, double time)
    {
        var canvas = overlay.Canvas;
        var s = Math.Max(overlay.Height / 720f, 0.45f);
        using var font = new SKFont(OverlayCanvas.Typeface, 18 * s);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var panel = new SKPaint { Color = new SKColor(0, 0, 0, 140), IsAntialias = true };

        var barWidth = 18 * s;
        var barHeight = overlay.Height * 0.5f;
        var barRight = overlay.Width - 16 * s;
        var barTop = (overlay.Height - barHeight) / 2;
        var labels = new[] { range.Max, 0.5 * (range.Min + range.Max), range.Min }.Select(Format).ToArray();
        var labelWidth = labels.Max(l => font.MeasureText(l));
        var title = string.IsNullOrEmpty(unit) || unit == "1" ? field : $"{field} [{unit}]";
        var titleWidth = font.MeasureText(title);
        var left = Math.Min(barRight - barWidth - 8 * s - labelWidth, barRight - titleWidth) - 8 * s;
        canvas.DrawRoundRect(new SKRect(left, barTop - 40 * s, overlay.Width - 6 * s, barTop + barHeight + 16 * s), 6 * s, 6 * s, panel);

        // The bar: one row per pixel, top = max, in the colormap the frame uses.
        using var row = new SKPaint { IsAntialias = false };
        for (var y = 0; y < (int)barHeight; y++)
        {
            var (r, g, b) = colourAt(1 - y / (barHeight - 1));
            row.Color = new SKColor(r, g, b);
            canvas.DrawRect(barRight - barWidth, barTop + y, barWidth, 1, row);
        }

        canvas.DrawText(title, barRight - titleWidth, barTop - 14 * s, font, text);
        for (var i = 0; i < labels.Length; i++)
        {
            var y = barTop + i * barHeight / 2 + 6 * s;
            canvas.DrawText(labels[i], barRight - barWidth - 8 * s - font.MeasureText(labels[i]), y, font, text);
        }

        var clock = $"frame {frame}   t = {time.ToString("0.###", CultureInfo.InvariantCulture)} s";
        canvas.DrawRoundRect(new SKRect(6 * s, 6 * s, 18 * s + font.MeasureText(clock), 34 * s), 6 * s, 6 * s, panel);
        canvas.DrawText(clock, 12 * s, 27 * s, font, text);
    }

    private static string Format(double value) =>
        value == 0 ? "0" : Math.Abs(value) is >= 1e-3 and < 1e4
            ? value.ToString("0.###", CultureInfo.InvariantCulture)
            : value.ToString("0.##e0", CultureInfo.InvariantCulture);
}
