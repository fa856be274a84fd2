using PhysML.Core.Application;

namespace PhysML.Core.Diagnostics;

/// <summary>A plugin disabled because one of its systems threw: where (system, stage, frame) and what.</summary>
public sealed record PluginFault(string Plugin, string System, Stage Stage, long Frame, string Error)
{
    /// <summary>The PML0801 message, as RunWarnings and the CLI print it.</summary>
    public string Message =>
        $"error {Errors.ErrorCodes.PluginDisabled}: plugin '{Plugin}' is disabled: its system '{System}' threw in stage {Stage} " +
        $"at frame {Frame}: {Error}; its systems are skipped from now on";
}
