using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhysML.Scenes.Loading;

/// <summary>The top level of a <c>*.scene.json</c> file, as written (see <c>scenes/scene.schema.json</c>).</summary>
public sealed record SceneFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Short name; run directories are named after it.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Seed for every random choice a plugin makes; <c>physml run --seed</c> overrides it.</summary>
    public int Seed { get; init; }

    /// <summary>Plugins to enable, by name (e.g. <c>heat</c>).</summary>
    public List<string> Plugins { get; init; } = new();

    /// <summary>When a plugin's system throws: disable the plugin or stop the run. Unset: plugins loaded from DLLs
    /// are disabled, built-in ones stop the run (see <see cref="PluginErrorMode"/>).</summary>
    public PluginErrorMode? OnPluginError { get; init; }

    public SceneTime Time { get; init; } = new();

    public SceneOutput Output { get; init; } = new();

    public List<SceneEntity> Entities { get; init; } = new();

    /// <summary>Scripted changes and assertions, by frame or time (see <see cref="TimelineEvent"/>).</summary>
    public List<TimelineEvent> Timeline { get; init; } = new();
}

/// <summary>The clock: fixed step, steps per frame, and how many frames a run has by default.</summary>
public sealed record SceneTime
{
    /// <summary>Fixed time step, s.</summary>
    public double Dt { get; init; } = 1.0 / 60;

    /// <summary>Fixed steps per recorded frame.</summary>
    public int StepsPerFrame { get; init; } = 1;

    /// <summary>Frames a run has unless <c>--frames</c> says otherwise.</summary>
    public int Frames { get; init; } = 100;
}

/// <summary>What a run shows: the displayed field, its colormap and (optionally) a fixed value range.</summary>
public sealed record SceneOutput
{
    /// <summary>Name of the field drawn into <c>frames/*.png</c>; the first registered field when omitted.</summary>
    public string? Display { get; init; }

    public string Colormap { get; init; } = "viridis";

    /// <summary>[min, max] mapped to the colormap's ends; when omitted, the range seen so far in the run.</summary>
    public double[]? Range { get; init; }

    /// <summary>Pixels per cell in the PNG frames (nearest-neighbour).</summary>
    public int PixelsPerCell { get; init; } = 4;

    /// <summary>Fields a run dumps to <c>fields/*.npy</c> unless <c>--dump</c> says otherwise.</summary>
    public List<string> Dump { get; init; } = new();

    /// <summary>Dump every K-th frame unless <c>--dump-every</c> says otherwise.</summary>
    public int DumpEvery { get; init; } = 1;
}

/// <summary>An entity: an optional name and components keyed by their registered scene names.</summary>
public sealed record SceneEntity
{
    public string? Name { get; init; }

    public Dictionary<string, JsonElement> Components { get; init; } = new();
}
