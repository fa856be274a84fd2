namespace PhysML.Core.Errors;

/// <summary>The process exit codes, as README documents them; a run's summary.json records the same code.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Internal = 1;
    public const int BadInput = 2;
    public const int SimulationFailed = 3;
    public const int AssertionFailed = 4;
    public const int Cancelled = 130;

    public static int For(ErrorCategory category) => category switch
    {
        ErrorCategory.BadInput => BadInput,
        ErrorCategory.Simulation => SimulationFailed,
        ErrorCategory.AssertionFailed => AssertionFailed,
        _ => Internal,
    };
}
