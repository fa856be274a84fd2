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
    private readonly bool _deterministic;
    private (ISearchDirectionModel Model, Task Ready)? _preparing;
    private readonly string _architecture;
    private readonly int _dimensions;

    public OnlinePressureTrainer(PreconditionerNetwork start, int version, OnlineTrainingSettings settings, double tolerance, ParallelOptions? parallel)
    {
        var initial = PreconditionerSnapshot.Of(start, version);
        _trainer = new OnlineTrainer<PressureSample, PreconditionerSnapshot>(
            new PreconditionerOnlineLearner(initial, settings.LearningRate, tolerance), initial, settings);
        _parallel = parallel;
        _deterministic = settings.Deterministic;
        (_architecture, _dimensions) = (start.Architecture, start.Dimensions);
    }

    public OnlineTrainingStatus Status => new(_trainer.Offered, _trainer.Dropped, _trainer.Rounds, _trainer.Rejected, _trainer.LastLoss,
        _trainer.Current.Version);

    public TrainerActivity Activity => _trainer.Activity;

    public void Observe(IPoissonStencil a, ReadOnlySpan<double> b)
    {
        // A zero right-hand side (a flow at rest) has no direction to learn from.
        if (VectorOps.Norm(b) == 0) return;
        // After a resume the copy is restored but not which operator it copies: the scene's, if their content is the same
        // (the operators rebuild only when their cells change, so an unchanged content is an unchanged version).
        if (_copyOf is null && _copy is not null && SameContent(a, _copy)) (_copyOf, _copyVersion) = (a, a.Version);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!ReferenceEquals(a, _copyOf) || a.Version != _copyVersion)
        {
            _copy = Copy(a);
            (_copyOf, _copyVersion) = (a, a.Version);
        }
        _trainer.Offer(new PressureSample(_copy!, b.ToArray()));
        Activity.Add("offer", System.Diagnostics.Stopwatch.GetTimestamp() - start); // b is a span: no lambda can hold it
    }

    /// <summary>
    /// The model to solve with from this frame on, or null. A learned V-cycle must predict its damping and build its
    /// levels before its first solve (~0.3 s at 48³, measured as a 3x frame spike); in background mode that runs on a
    /// low-priority thread and the model is handed over at the first frame boundary after it is ready; in deterministic
    /// mode here.
    /// </summary>
    public ISearchDirectionModel? AtFrameBoundary(int frame) => Activity.Time("adopt", () => Adopt(frame));

    private ISearchDirectionModel? Adopt(int frame)
    {
        if (_preparing is { } preparing && preparing.Ready.IsCompleted)
        {
            _preparing = null;
            preparing.Ready.GetAwaiter().GetResult(); // rethrows a preparation failure on the engine's thread
            return preparing.Model;
        }
        if (_trainer.AtFrameBoundary(frame) is not { } adopted) return null;
        var model = adopted.ToNetwork().ToModel(adopted.Version, _parallel);
        if (model is not LearnedMultigridModel learned || _copy is not { } copy || _copyOf is not { } original) return model;
        var version = _copyVersion;
        if (_deterministic)
        {
            learned.Prepare(copy, original, version);
            return model;
        }
        // A newer candidate replaces one still preparing; the older one is released once its preparation ends.
        if (_preparing is { } stale) stale.Ready.ContinueWith(_ => (stale.Model as IDisposable)?.Dispose(), TaskScheduler.Default);
        // On a thread of its own at the lowest priority, like the trainer: on the thread pool it ran at normal priority
        // and took a core from the simulation for its ~0.3 s (measured with physml bench training).
        _preparing = (model, TrainerThreadPriority.RunLowest("physml-model-prepare", () => Activity.Time("prepare", () => learned.Prepare(copy, original, version))));
        return null;
    }

    public string? CheckpointRefusal => _trainer.CheckpointRefusal;

    public void WriteCheckpoint(BinaryWriter writer)
    {
        var format = new PressureCheckpointFormat(_architecture, _dimensions);
        _trainer.WriteCheckpoint(writer, format);
        // The copy the next samples share while the scene's operator stays the same (training groups samples by it).
        writer.Write(_copy is not null);
        if (_copy is not null) format.WriteOperator(writer, _copy);
    }

    public ISearchDirectionModel? ReadCheckpoint(BinaryReader reader, int versionInUse)
    {
        var format = new PressureCheckpointFormat(_architecture, _dimensions);
        _trainer.ReadCheckpoint(reader, format);
        (_copy, _copyOf, _copyVersion) = (reader.ReadBoolean() ? format.ReadOperator(reader) : null, null, -1);
        // The model the adoption made, as AtFrameBoundary made it; a learned V-cycle builds its levels on its first
        // solve, from the scene's operator, whose content equals the copy it would have been prepared from.
        var current = _trainer.Current;
        return current.Version == versionInUse ? null : current.ToNetwork().ToModel(current.Version, _parallel);
    }

    private static bool SameContent(IPoissonStencil a, IPoissonStencil b) => (a, b) switch
    {
        (PressurePoisson2D p, PressurePoisson2D q) => p.Grid == q.Grid && p.Boundary == q.Boundary && p.Cells.SequenceEqual(q.Cells),
        (PressurePoisson3D p, PressurePoisson3D q) => p.Grid == q.Grid && p.Boundary == q.Boundary && p.Cells.SequenceEqual(q.Cells),
        _ => false,
    };

    private static IPoissonStencil Copy(IPoissonStencil a) => a switch
    {
        PressurePoisson2D p => new PressurePoisson2D(p.Grid, p.Boundary, p.Cells),
        PressurePoisson3D p => new PressurePoisson3D(p.Grid, p.Boundary, p.Cells),
        _ => throw new ArgumentException($"online training copies the MAC pressure operators, not {a.GetType().Name}", nameof(a)),
    };

    public void Dispose() => _trainer.Dispose();
}
