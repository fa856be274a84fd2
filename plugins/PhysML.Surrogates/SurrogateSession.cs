using System.Diagnostics;
using PhysML.Core.Diagnostics;
using PhysML.ML;
using PhysML.ML.Surrogates;
using PhysML.ML.Training;
using PhysML.Solvers.Learned;
using static TorchSharp.torch;

namespace PhysML.Surrogates;

/// <summary>
/// A surrogate at work on one region, frame by frame. It predicts a window of <c>Times</c> samples at a time and reads
/// the field of each frame from it; when a frame passes the window's end it predicts the next one, from the solver's
/// field (shadow) or from its own prediction at the window's end (replace: the surrogate advances the region). With
/// online training, every frame's reference field goes to a <see cref="SurrogateWindowSampler"/>, each completed window
/// is offered to an <see cref="OnlineTrainer{TSample, TSnapshot}"/>, and a validated candidate is adopted at the end of
/// the frame; the next window then starts from the current field with the new model.
/// </summary>
public sealed class SurrogateSession : IDisposable
{
    private readonly Func<(double Time, double[] Field)> _read;
    private readonly OnlineTrainer<SurrogateWindow, SurrogateSnapshot>? _trainer;
    private readonly SurrogateWindowSampler? _sampler;
    private readonly double _interval;

    public SurrogateSession(ConstrainedSurrogate model, SurrogateMode mode, int pointSeed, Func<(double Time, double[] Field)> read,
        OnlineTrainingSettings? training = null)
    {
        Model = model;
        Mode = mode;
        PointSeed = pointSeed;
        _read = read;
        var times = model.Problem.Grid.Times;
        _interval = HorizonOf(model.Problem) / (times - 1);
        if (training is { Online: true })
        {
            _trainer = new OnlineTrainer<SurrogateWindow, SurrogateSnapshot>(new SurrogateOnlineLearner(model, training.LearningRate, training.Seed),
                new SurrogateSnapshot(model, 0), training);
            _sampler = new SurrogateWindowSampler(times, _interval);
        }
        var (time, field) = read();
        Current = new double[field.Length];
        Error = new double[field.Length];
        Comparison = new double[3 * field.Length];
        Trajectory = Predict(field, time);
    }

    /// <summary>The model in use.</summary>
    public ConstrainedSurrogate Model { get; private set; }

    public SurrogateMode Mode { get; }
    public int PointSeed { get; }

    /// <summary>The window the current field is read from.</summary>
    public SurrogateTrajectory Trajectory { get; private set; }

    /// <summary>The surrogate's field at the last frame (the region's field in replace mode).</summary>
    public double[] Current { get; }

    /// <summary>Surrogate minus solver at the last frame.</summary>
    public double[] Error { get; }

    /// <summary>
    /// Solver, surrogate and error at the last frame side by side, one picture in one colour scale: each row of the grid
    /// holds the solver's row, then the surrogate's, then the error's, so a 2D field [ny, nx] becomes [ny, 3·nx] and a
    /// rod [nx] becomes three rows [3, nx] (<see cref="ComparisonShape"/>).
    /// </summary>
    public double[] Comparison { get; }

    /// <summary>The shape of <see cref="Comparison"/> for a field of <paramref name="shape"/>.</summary>
    public static int[] ComparisonShape(int[] shape) => shape.Length == 1 ? [3, shape[0]] : [shape[0], 3 * shape[1]];

    /// <summary>Adoptions so far (0: the checkpoint's weights).</summary>
    public int ModelVersion => _trainer?.Current.Version ?? 0;

    public OnlineTrainer<SurrogateWindow, SurrogateSnapshot>? Trainer => _trainer;

    /// <summary>Advances to the solver's current time, compares, feeds the trainer and adopts what it validated.</summary>
    public void Frame(long frame, FrameMetrics metrics)
    {
        var (time, reference) = _read();
        while (!Trajectory.Covers(time))
            Trajectory = Mode == SurrogateMode.Replace ? Predict(Trajectory.Last, Trajectory.End) : Predict(reference, time);
        Trajectory.Interpolate(time, Current);
        double difference = 0, norm = 0;
        for (var s = 0; s < Current.Length; s++)
        {
            Error[s] = Current[s] - reference[s];
            difference += Error[s] * Error[s];
            norm += reference[s] * reference[s];
        }
        metrics.Set("surrogate.rel_l2", Math.Sqrt(difference / Math.Max(norm, 1e-300)));
        FillComparison(reference);
        metrics.Set("surrogate.residual", Trajectory.ResidualPerExpert.Max());
        metrics.Set("surrogate.infer_ms", Trajectory.InferMs);
        if (_trainer is null) return;
        foreach (var window in _sampler!.Add(time, reference)) _trainer.Offer(window);
        if (_trainer.AtFrameBoundary((int)frame) is { } adopted)
        {
            Model = adopted.Model;
            Trajectory = Predict(Mode == SurrogateMode.Replace ? Current : reference, time);
        }
        Report(metrics);
    }

    private void Report(FrameMetrics metrics)
    {
        var trainer = _trainer!;
        metrics.Set("model.version", trainer.Current.Version);
        metrics.Set("train.samples", trainer.Offered);
        metrics.Set("train.dropped", trainer.Dropped);
        metrics.Set("train.rounds", trainer.Rounds);
        metrics.Set("train.rejected", trainer.Rejected);
        if (trainer.LastLoss is { } loss) metrics.Set("train.loss", loss);
        if (trainer.Current.HeldOutRelL2 is { } heldOut) metrics.Set("surrogate.heldout_rel_l2", heldOut);
    }

    /// <summary>The model's window from <paramref name="initial"/> at <paramref name="start"/> s, collocation points
    /// from <see cref="PointSeed"/> (so the same field always gives the same prediction).</summary>
    public SurrogateTrajectory Predict(ReadOnlySpan<double> initial, double start)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Model.eval();
        var points = new CollocationSampler(Model.Problem, Model.Partition, PointSeed).Sample(Model.Settings.Points, Model.Settings.InitialRows);
        var input = new float[initial.Length];
        for (var i = 0; i < input.Length; i++) input[i] = (float)initial[i];
        TorchGarbage.Settle();
        var clock = Stopwatch.GetTimestamp();
        var output = Model.Forward(tensor(input).view(1, -1), points);
        var values = output.Prediction.contiguous().data<double>().ToArray();
        var ms = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
        return new SurrogateTrajectory(values, Model.Problem.Grid.Times, _interval, start, output.ResidualPerExpert(), ms);
    }

    private static double HorizonOf(ISurrogateProblem problem) => problem switch
    {
        DiffusionSorptionProblem d => d.Parameters.Horizon,
        VorticityProblem v => v.Parameters.Horizon,
        _ => throw new ArgumentException($"no horizon known for the {problem.Name} problem", nameof(problem)),
    };

    private void FillComparison(double[] reference)
    {
        var width = Model.Problem.Grid.Columns;
        for (var row = 0; row < Current.Length / width; row++)
        {
            var (from, to) = (row * width, 3 * row * width);
            reference.AsSpan(from, width).CopyTo(Comparison.AsSpan(to));
            Current.AsSpan(from, width).CopyTo(Comparison.AsSpan(to + width));
            Error.AsSpan(from, width).CopyTo(Comparison.AsSpan(to + 2 * width));
        }
    }

    public void Dispose()
    {
        _trainer?.Dispose();
        Model.Dispose();
    }
}
