namespace PhysML.Core.Diagnostics;

/// <summary>
/// The relative residual ‖r‖/‖b‖ of every iteration of the frame's last pressure solve, as a resource a front end adds
/// when it wants it (the viewer's HUD plots it); solvers that do not record history leave it empty.
/// </summary>
[PhysML.Core.Checkpoints.NoCheckpointState("the last solve's residuals, for the HUD; rewritten by the next solve")]
public sealed class ResidualHistory
{
    private double[] _residuals = [];

    /// <summary>The last solve's history; a new array each time, so a reader on another thread may keep it.</summary>
    public IReadOnlyList<double> Residuals => Volatile.Read(ref _residuals);

    public void Record(IReadOnlyList<double> residuals) => Volatile.Write(ref _residuals, residuals.ToArray());
}
