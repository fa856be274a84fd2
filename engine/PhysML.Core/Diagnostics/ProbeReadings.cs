using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>
/// The values of the scene's probes this frame, by probe name, as a resource: the probes plugin fills it in
/// PostUpdate, the recorder writes one row of <c>probes.csv</c> per frame from it. The App clears it each frame.
/// </summary>
[NoCheckpointState("cleared at the start of every frame")]
public sealed class ProbeReadings : NamedValues;
