using PhysML.Core.Errors;

namespace PhysML.Core.Checkpoints;

/// <summary>A checkpoint's content does not fit the world it is read into (PML0603): another grid, another set of
/// components. The resume skips to an older checkpoint or stops with this message.</summary>
public sealed class CheckpointFormatException(string message)
    : PhysMLException(ErrorCodes.RunCheckpointInvalid, ErrorCategory.BadInput, message);
