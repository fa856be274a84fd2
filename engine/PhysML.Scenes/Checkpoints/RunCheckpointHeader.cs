using PhysML.Scenes.Running;

namespace PhysML.Scenes.Checkpoints;

/// <summary>What a run checkpoint says about itself, before the state: the frame it was taken after, the scene it
/// belongs to (its full path and the SHA-256 of its content: a changed scene cannot continue a run), the run's
/// resolved options, and the wall time the run had spent so far (s).</summary>
public sealed record RunCheckpointHeader
{
    public required int Frame { get; init; }
    public required string SceneFile { get; init; }
    public required string SceneSha256 { get; init; }
    public required RunOptions Options { get; init; }
    public required double WallSeconds { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required string PhysMLVersion { get; init; }
}
