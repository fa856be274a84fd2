using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;

namespace PhysML.Rendering.Tests;

public sealed class SnapshotExchangeTests
{
    private static RenderSnapshot Frame(long frame) => new(frame, frame * 0.1, []);

    [Fact]
    public void Taking_from_an_empty_exchange_returns_at_once_with_nothing()
    {
        var exchange = new SnapshotExchange();
        Assert.False(exchange.TryTakeLatest(out _));
    }

    [Fact]
    public void The_renderer_takes_the_newest_snapshot_and_older_untaken_ones_are_dropped()
    {
        var exchange = new SnapshotExchange();
        exchange.Publish(Frame(1));
        exchange.Publish(Frame(2));
        Assert.True(exchange.TryTakeLatest(out var taken));
        Assert.Equal(2, taken.Frame);
        Assert.False(exchange.TryTakeLatest(out _)); // taken once
        Assert.Equal(2, exchange.Published);
        Assert.Equal(1, exchange.Dropped);
    }

    [Fact]
    public async Task Publishing_and_taking_on_two_threads_never_wait_and_frames_arrive_in_order()
    {
        // Neither side has anything to wait on (one atomic exchange each), so both loops finish; the renderer sees an
        // increasing subsequence of the frames ending with the last one.
        const int frames = 20_000;
        var exchange = new SnapshotExchange();
        var seen = new List<long>();
        var producer = Task.Run(() =>
        {
            for (var f = 1; f <= frames; f++) exchange.Publish(Frame(f));
        });
        var consumer = Task.Run(() =>
        {
            while (seen.Count == 0 || seen[^1] != frames)
                if (exchange.TryTakeLatest(out var s)) seen.Add(s.Frame);
        });
        await Task.WhenAll(producer, consumer);
        Assert.Equal(frames, seen[^1]);
        for (var i = 1; i < seen.Count; i++) Assert.True(seen[i] > seen[i - 1], $"frame {seen[i]} after {seen[i - 1]}");
        Assert.Equal(frames, exchange.Published);
        Assert.Equal(frames - seen.Count, exchange.Dropped);
    }

    [Fact]
    public void Extraction_in_the_extract_stage_copies_the_requested_field_the_solid_mask_and_cell_centred_velocity()
    {
        using var app = new App();
        var catalog = app.World.Resource<FieldCatalog>();
        var temperature = new double[] { 1, 2, 3, 4, 5, 6 }; // [ny = 2, nx = 3]
        catalog.Register(new FieldView("temperature", "K", [2, 3], () => temperature));
        catalog.Register(new FieldView("solid", "1", [2, 3], () => new double[] { 0, 1, 0, 0, 0, 0 }));
        // MAC faces: u [ny, nx + 1] = face index i, v [ny + 1, nx] = 10 · face row j.
        catalog.Register(new FieldView("u", "m/s", [2, 4], () => new double[] { 0, 1, 2, 3, 0, 1, 2, 3 }));
        catalog.Register(new FieldView("v", "m/s", [3, 3], () => new double[] { 0, 0, 0, 10, 10, 10, 20, 20, 20 }));
        app.AddPlugin(new RenderExtractionPlugin { Fields = ["temperature"] });
        var exchange = app.World.Resource<SnapshotExchange>();

        app.Startup();
        Assert.True(exchange.TryTakeLatest(out var initial));
        Assert.Equal(0, initial.Frame);
        temperature[0] = 100; // the simulation moves on; the snapshot keeps its copy
        Assert.Equal(1f, initial.Find("temperature")!.Values[0]);

        app.RunFrame(fixedSteps: 1);
        Assert.True(exchange.TryTakeLatest(out var first));
        Assert.Equal(1, first.Frame);
        Assert.Equal(new[] { 100f, 2, 3, 4, 5, 6 }, first.Find("temperature")!.Values.ToArray());
        Assert.Equal((100, 2), (first.Find("temperature")!.Max, first.Find("temperature")!.Min));
        Assert.Equal(new[] { 0f, 1, 0, 0, 0, 0 }, first.Solid!.Values.ToArray());
        Assert.Null(first.Find("u")); // not requested
        // Cell (i, j) centre: u = i + ½, v = 10 (j + ½).
        Assert.Equal(new[] { 0.5f, 5, 1.5f, 5, 2.5f, 5, 0.5f, 15, 1.5f, 15, 2.5f, 15 }, first.Velocity!.Xy.ToArray());
        Assert.Equal(Math.Sqrt(2.5 * 2.5 + 15 * 15), first.Velocity.MaxSpeed, 12);
    }

    [Fact]
    public void Requesting_a_field_the_scene_does_not_have_is_PML0701_naming_the_fields_it_has()
    {
        var catalog = new FieldCatalog();
        catalog.Register(new FieldView("density", "1", [2, 2], () => new double[4]));
        var error = Assert.Throws<PhysMLException>(() => RenderSnapshot.Extract(catalog, 0, 0, ["pressure"]));
        Assert.Equal(ErrorCodes.UnknownRenderField, error.Code);
        Assert.Contains("'pressure'", error.Message);
        Assert.Contains("density", error.Message);
    }

    [Fact]
    public void Without_ffmpeg_on_the_path_a_video_is_PML0704_before_anything_runs()
    {
        var error = Assert.Throws<PhysMLException>(() => FfmpegVideo.Locate(searchPath: "/nonexistent-physml-dir"));
        Assert.Equal(ErrorCodes.FfmpegMissing, error.Code);
        Assert.Contains("scripts/bootstrap.sh", error.Message);
    }
}
