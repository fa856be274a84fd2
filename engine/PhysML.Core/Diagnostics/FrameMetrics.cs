namespace PhysML.Core.Diagnostics;

/// <summary>
/// Per-frame figures systems report (e.g. <c>solve.iterations</c>), as a resource. The App clears it when a frame
/// starts; recorders and the HUD read it after the frame (<c>metrics.jsonl</c>).
/// </summary>
public sealed class FrameMetrics : NamedValues;
