namespace PhysML.Core.Errors;

/// <summary>What kind of failure an error is; the CLI maps it to an exit code.</summary>
public enum ErrorCategory
{
    /// <summary>A bug or an environment problem (exit code 1).</summary>
    Internal,
    /// <summary>The user's input is wrong: scene file, arguments (exit code 2).</summary>
    BadInput,
    /// <summary>The simulation failed: non-finite values, a fatal solver failure (exit code 3).</summary>
    Simulation,
    /// <summary>A scene timeline's assertion about a metric did not hold (exit code 4).</summary>
    AssertionFailed,
}
