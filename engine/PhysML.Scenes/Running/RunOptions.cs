using PhysML.Scenes.Recording;

namespace PhysML.Scenes.Running;

/// <summary>How to run a scene headless; unset values come from the scene file.</summary>
public sealed record RunOptions
{
    /// <summary>Frames to run; the scene's <c>time.frames</c> when null.</summary>
    public int? Frames { get; init; }

    /// <summary>Where outputs go; <c>runs/&lt;scene&gt;-&lt;timestamp&gt;</c> when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Overrides the scene's seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Fields to write as <c>fields/&lt;name&gt;_&lt;frame&gt;.npy</c>; the scene's <c>output.dump</c> when null.</summary>
    public IReadOnlyList<string>? Dump { get; init; }

    /// <summary>Dump every K-th frame (frame 0, the initial state, and the last frame are always dumped); the scene's
    /// <c>output.dumpEvery</c> when null.</summary>
    public int? DumpEvery { get; init; }

    public NpyDType DumpDType { get; init; } = NpyDType.Float64;

    /// <summary>Write <c>frames/&lt;frame&gt;.png</c> every K-th frame; 0 writes none.</summary>
    public int ImageEvery { get; init; } = 1;

    /// <summary>Draws frames/*.png instead of the simple colormap pictures (<c>physml run --render</c>); null for those.</summary>
    public IRunFrameRenderer? FrameRenderer { get; init; }

    /// <summary>Requested compute backend: <c>cpu</c> or <c>vulkan</c>.</summary>
    public string Backend { get; init; } = "cpu";

    /// <summary>Write <c>checkpoints/frame-NNNNNN.ckpt</c> every K-th frame (and when the run is cancelled or ends),
    /// so <c>physml resume</c> can continue it; 0 writes none.</summary>
    public int CheckpointEvery { get; init; }
}
