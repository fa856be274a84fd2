using PhysML.Core.IO;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Recording;

namespace PhysML.Scenes.Running;

/// <summary>Writes one run's per-frame outputs: metrics lines, field dumps and display images.</summary>
internal sealed class RunRecorder : IDisposable
{
    private readonly string _directory;
    private readonly SceneOutput _output;
    private readonly RunOptions _options;
    private readonly FieldView? _display;
    private readonly FieldCatalog _fields;
    private readonly StreamWriter _metrics;
    private StreamWriter? _probes;
    private string[] _probeColumns = Array.Empty<string>();
    private readonly Colormap _colormap;
    private double _seenMin = double.PositiveInfinity;
    private double _seenMax = double.NegativeInfinity;

    public RunRecorder(string directory, SceneOutput output, RunOptions options, FieldView? display, FieldCatalog fields)
    {
        _directory = directory;
        _output = output;
        _options = options;
        _display = display;
        _fields = fields;
        _colormap = Colormap.Get(output.Colormap);
        _metrics = new StreamWriter(Path.Combine(directory, RunDirectory.Metrics)) { NewLine = "\n" };
        if (options.Dump!.Count > 0) Directory.CreateDirectory(Path.Combine(directory, RunDirectory.Fields));
        if ((display is not null || options.FrameRenderer is not null) && options.ImageEvery > 0) Directory.CreateDirectory(Path.Combine(directory, RunDirectory.Frames));
    }

    /// <summary>The metrics.jsonl key of a frame's wall time.</summary>
    public const string StepMilliseconds = "step_ms";

    public void RecordMetrics(int frame, double time, double stepMs, FrameMetrics metrics)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("frame", frame);
            json.WriteNumber("t", time);
            json.WriteNumber(StepMilliseconds, Math.Round(stepMs, 4));
            foreach (var (key, value) in metrics.Entries)
            {
                // JSON has no NaN or infinity; null says "not a number" without breaking the line for readers.
                if (double.IsFinite(value)) json.WriteNumber(key, value);
                else json.WriteNull(key);
            }
            json.WriteEndObject();
        }
        _metrics.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        // Flushed per frame: a run that dies keeps every frame it finished.
        _metrics.Flush();
    }

    /// <summary>One row of <c>probes.csv</c> (frame, t, then one column per probe, in the order of the first frame).</summary>
    public void RecordProbes(int frame, double time, ProbeReadings readings)
    {
        if (readings.Count == 0) return;
        if (_probes is null)
        {
            _probeColumns = readings.Entries.Select(e => e.Key).ToArray();
            _probes = new StreamWriter(Path.Combine(_directory, RunDirectory.Probes)) { NewLine = "\n" };
            _probes.WriteLine(string.Join(",", new[] { "frame", "t" }.Concat(_probeColumns.Select(CsvText.Quote))));
        }
        var values = _probeColumns.Select(c => readings.TryGet(c, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
        _probes.WriteLine(string.Join(",", new[] { frame.ToString(CultureInfo.InvariantCulture), time.ToString("R", CultureInfo.InvariantCulture) }.Concat(values)));
        _probes.Flush();
    }

    public void RecordFields(int frame, bool isLast)
    {
        if (frame % _options.DumpEvery!.Value == 0 || isLast)
        {
            foreach (var name in _options.Dump!)
            {
                var field = _fields.Find(name)!;
                var path = Path.Combine(_directory, RunDirectory.Fields, $"{name}_{frame:D6}.npy");
                AtomicFile.Write(path, stream => NpyWriter.Write(stream, field.Read().Span, field.Shape, _options.DumpDType));
            }
        }
        if (_options.ImageEvery > 0 && (frame % _options.ImageEvery == 0 || isLast))
        {
            if (_options.FrameRenderer is { } renderer) renderer.WriteFrame(frame, Path.Combine(_directory, RunDirectory.Frames, $"{frame:D6}.png"));
            else if (_display is not null) WriteImage(frame);
        }
    }

    private void WriteImage(int frame)
    {
        var display = _display!;
        var image = ImagePlane(display);
        double min, max;
        if (_output.Range is { } range) (min, max) = (range[0], range[1]);
        else
        {
            // The range seen so far only grows, so colours mean the same value from one frame to the next.
            foreach (var v in image.Values)
            {
                if (!double.IsFinite(v)) continue;
                _seenMin = Math.Min(_seenMin, v);
                _seenMax = Math.Max(_seenMax, v);
            }
            (min, max) = (_seenMin, _seenMax);
        }
        var solid = _fields.Find(SolidFieldName) is { } s && s.Shape.SequenceEqual(display.Shape) ? ImagePlane(s, silhouette: true).Values : null;
        var path = Path.Combine(_directory, RunDirectory.Frames, $"{frame:D6}.png");
        AtomicFile.Write(path, stream =>
            FrameImage.WritePng(stream, image.Values, image.Rows, image.Columns, _colormap, min, max, _output.PixelsPerCell,
                solid));
    }

    /// <summary>
    /// The 2D picture of a field: the field itself, or for a 3D field [nz, ny, nx] its mean along z (a "shadowgram":
    /// smoke reads as column density) or, for a solid mask, its maximum (the obstacle's silhouette). The viewer renders
    /// volumes properly.
    /// </summary>
    private static (double[] Values, int Rows, int Columns) ImagePlane(FieldView field, bool silhouette = false)
    {
        var values = field.Read().Span;
        if (field.Shape.Length == 2) return (values.ToArray(), field.Shape[0], field.Shape[1]);
        var (nz, ny, nx) = (field.Shape[0], field.Shape[1], field.Shape[2]);
        var plane = new double[ny * nx];
        for (var k = 0; k < nz; k++)
            for (var c = 0; c < plane.Length; c++)
                plane[c] = silhouette ? Math.Max(plane[c], values[k * plane.Length + c]) : plane[c] + values[k * plane.Length + c] / nz;
        return (plane, ny, nx);
    }

    // By convention a plugin with obstacles registers a field named "solid" (1 in solid cells); it is drawn over the
    // display field when the shapes match.
    public const string SolidFieldName = "solid";

    public void Dispose()
    {
        _metrics.Dispose();
        _probes?.Dispose();
    }
}
