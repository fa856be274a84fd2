namespace PhysML.Core.Application;

/// <summary>The settings <see cref="RuntimeControls"/> commands act on, as in effect now.</summary>
/// <param name="Solver">The pressure solver's method name, e.g. <c>mgpcg</c>, <c>pcg-mic</c>, <c>learned-dcdm</c>.</param>
/// <param name="Backend">Where the pressure solve runs: <c>cpu</c> or <c>vulkan</c>.</param>
/// <param name="Training">Null when nothing trains online; otherwise whether training is on.</param>
/// <param name="Note">Why the last command did nothing or fell back (e.g. no Vulkan device), for the HUD; null when none.</param>
public sealed record RuntimeControlStatus(string Solver, string Backend, bool? Training, string? Note)
{
    /// <summary>The preconditioner S selected (<c>none</c>, <c>jacobi</c>, <c>mic0</c>, <c>multigrid</c>), or
    /// <c>learned</c> when a learned model solves; null when the front end does not know it. The HUD names it.</summary>
    public string? Preconditioner { get; init; }
}
