using PhysML.Core.Errors;

namespace PhysML.Cli;

/// <summary>The process exit codes, as README documents them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Internal = 1;
    public const int BadInput = 2;
    public const int SimulationFailed = 3;
    public const int Cancelled = 130;

    public static int For(ErrorCategory category) => category switch
    {
        ErrorCategory.BadInput => BadInput,
        ErrorCategory.Simulation => SimulationFailed,
        _ => Internal,
    };
}
