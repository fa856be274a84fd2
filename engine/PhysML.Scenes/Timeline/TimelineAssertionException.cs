using PhysML.Core.Errors;

namespace PhysML.Scenes.Timeline;

/// <summary>A scene timeline's assertion that did not hold (PML0601, exit code 4); the message names the assertion's
/// JSON path, the metric, the frame and the value.</summary>
public sealed class TimelineAssertionException(string message)
    : PhysMLException(ErrorCodes.AssertionFailed, ErrorCategory.AssertionFailed, message);
