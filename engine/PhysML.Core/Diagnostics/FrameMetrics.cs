using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>
/// Per-frame figures systems report (e.g. <c>solve.iterations</c>), as a resource. The App clears it when a frame
/// starts; recorders and the HUD read it after the frame (<c>metrics.jsonl</c>).
/// </summary>
[NoCheckpointState("cleared at the start of every frame")]
public sealed class FrameMetrics : NamedValues;
