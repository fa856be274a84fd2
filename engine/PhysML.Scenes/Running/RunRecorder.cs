using PhysML.Core.IO;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Checkpoints;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
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

    /// <summary>Starts the outputs afresh, or with <paramref name="resume"/> (a run checkpoint's recorder state, as
    /// <see cref="WriteCheckpoint"/> wrote it, and the frame it was taken after) cuts them back to that frame and
    /// continues them.</summary>
    public RunRecorder(string directory, SceneOutput output, RunOptions options, FieldView? display, FieldCatalog fields,
        (BinaryReader State, int Frame)? resume = null)
    {
        _directory = directory;
        _output = output;
        _options = options;
        _display = display;
        _fields = fields;
        _colormap = Colormap.Get(output.Colormap);
        var metricsPath = Path.Combine(directory, RunDirectory.Metrics);
        if (resume is { } r)
        {
            _metrics = new StreamWriter(Reopen(metricsPath, r.State.ReadInt64())) { NewLine = "\n" };
            var probesLength = r.State.ReadInt64();
            _probeColumns = CheckpointData.ReadStrings(r.State).ToArray();
            if (probesLength >= 0) _probes = new StreamWriter(Reopen(Path.Combine(directory, RunDirectory.Probes), probesLength)) { NewLine = "\n" };
            _seenMin = r.State.ReadDouble();
            _seenMax = r.State.ReadDouble();
            DeleteAfter(Path.Combine(directory, RunDirectory.Fields), r.Frame, ".npy");
            DeleteAfter(Path.Combine(directory, RunDirectory.Frames), r.Frame, ".png");
        }
        else _metrics = new StreamWriter(metricsPath) { NewLine = "\n" };
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

    /// <summary>A timeline screenshot: the frame's picture, drawn as <c>frames/*.png</c> are (by the run's renderer
    /// with <c>--render</c>, else the colormap), to <c>screenshots/NAME.png</c>.</summary>
    public void WriteScreenshot(int frame, string name)
    {
        Directory.CreateDirectory(Path.Combine(_directory, RunDirectory.Screenshots));
        var path = Path.Combine(_directory, RunDirectory.Screenshots, $"{name}.png");
        if (_options.FrameRenderer is { } renderer) renderer.WriteFrame(frame, path);
        else WriteImage(path);
    }

    private void WriteImage(int frame) => WriteImage(Path.Combine(_directory, RunDirectory.Frames, $"{frame:D6}.png"));

    private void WriteImage(string path)
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

    /// <summary>Where the outputs stand after the last recorded frame, for a run checkpoint.</summary>
    public void WriteCheckpoint(BinaryWriter writer)
    {
        _metrics.Flush();
        writer.Write(_metrics.BaseStream.Position);
        _probes?.Flush();
        writer.Write(_probes?.BaseStream.Position ?? -1L);
        CheckpointData.WriteStrings(writer, _probeColumns);
        writer.Write(_seenMin);
        writer.Write(_seenMax);
    }

    // Cuts a file back to what it held at the checkpoint (a run that died wrote past it) and appends from there.
    private static FileStream Reopen(string path, long length)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
        if (stream.Length < length)
        {
            stream.Dispose();
            throw new PhysMLException(ErrorCodes.RunCheckpointInvalid, ErrorCategory.BadInput,
                $"{path} holds {new FileInfo(path).Length} bytes, less than the {length} it had at the checkpoint; the run directory was changed");
        }
        stream.SetLength(length);
        stream.Seek(length, SeekOrigin.Begin);
        return stream;
    }

    // Dumps and images of frames after the checkpoint are written again by the resumed run: NAME_NNNNNN.npy and
    // NNNNNN.png, the frame number last in the name.
    private static void DeleteAfter(string folder, int frame, string extension)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var path in Directory.GetFiles(folder, "*" + extension))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            if (int.TryParse(stem[(stem.LastIndexOf('_') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > frame)
                File.Delete(path);
        }
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _probes?.Dispose();
    }
}
