using PhysML.ML.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// The pressure solver's side of online training: turns each solved system into a <see cref="PressureSample"/> for the
/// <see cref="OnlineTrainer{TSample, TSnapshot}"/>, and each adopted snapshot into the model the solver uses next.
/// A sample owns a copy of the operator, made once per operator version: the scene's own operator changes in place
/// when obstacles move, and the training thread must never see it half-rebuilt.
/// </summary>
public sealed class OnlinePressureTrainer : IPressureTrainer
{
    private readonly OnlineTrainer<PressureSample, PreconditionerSnapshot> _trainer;
    private readonly ParallelOptions? _parallel;
    private IPoissonStencil? _copyOf;
    private int _copyVersion = -1;
    private IPoissonStencil? _copy;

    public OnlinePressureTrainer(PreconditionerNetwork start, int version, OnlineTrainingSettings settings, double tolerance, ParallelOptions? parallel)
    {
        var initial = PreconditionerSnapshot.Of(start, version);
        _trainer = new OnlineTrainer<PressureSample, PreconditionerSnapshot>(
            new PreconditionerOnlineLearner(initial, settings.LearningRate, tolerance, parallel), initial, settings);
        _parallel = parallel;
    }

    public OnlineTrainingStatus Status => new(_trainer.Offered, _trainer.Dropped, _trainer.Rounds, _trainer.Rejected, _trainer.LastLoss,
        _trainer.Current.Version);

    public void Observe(IPoissonStencil a, ReadOnlySpan<double> b)
    {
        // A zero right-hand side (a flow at rest) has no direction to learn from.
        if (VectorOps.Norm(b) == 0) return;
        if (!ReferenceEquals(a, _copyOf) || a.Version != _copyVersion)
        {
            _copy = Copy(a);
            (_copyOf, _copyVersion) = (a, a.Version);
        }
        _trainer.Offer(new PressureSample(_copy!, b.ToArray()));
    }

    public ISearchDirectionModel? AtFrameBoundary(int frame) =>
        _trainer.AtFrameBoundary(frame) is { } adopted ? adopted.ToNetwork().ToModel(adopted.Version, _parallel) : null;

    private static IPoissonStencil Copy(IPoissonStencil a) => a switch
    {
        PressurePoisson2D p => new PressurePoisson2D(p.Grid, p.Boundary, p.Cells),
        PressurePoisson3D p => new PressurePoisson3D(p.Grid, p.Boundary, p.Cells),
        _ => throw new ArgumentException($"online training copies the MAC pressure operators, not {a.GetType().Name}", nameof(a)),
    };

    public void Dispose() => _trainer.Dispose();
}
