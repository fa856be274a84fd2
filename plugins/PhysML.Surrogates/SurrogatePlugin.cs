using System.Diagnostics;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.DiffusionSorption;
using PhysML.ML;
using PhysML.ML.Surrogates;
using PhysML.Vorticity;
using static TorchSharp.torch;

namespace PhysML.Surrogates;

/// <summary>
/// Neural PDE surrogates with mixture-of-experts hard constraints beside the reference solvers (scene name
/// <c>surrogate</c>). Component: <see cref="SurrogateShadow"/>. At PostStartup it loads the model (PML0902), checks
/// that it was trained for the scene's diffusion–sorption rod or vorticity domain (problem, grid, parameters: PML0903),
/// and predicts the whole trajectory from the initial field in one constrained forward pass. Every frame (Update, after
/// the fixed steps) it compares the prediction at the solver's time with the solver's field. Metrics:
/// <c>surrogate.rel_l2</c> (‖u_surrogate − u_reference‖/‖u_reference‖ at the current time, absent past the model's
/// horizon), <c>surrogate.residual</c> (largest per-expert RMS PDE residual at the collocation points after the solve),
/// <c>surrogate.infer_ms</c>. Fields: <c>surrogate</c> and <c>surrogate_error</c> (surrogate − reference), the
/// reference's shape and unit.
/// </summary>
public sealed class SurrogatePlugin : IPlugin
{
    private static readonly QueryDescription Trajectories = new QueryDescription().WithAll<SurrogateTrajectory>();

    public string Name => "surrogate";

    public void Build(App app)
    {
        app.RegisterComponent<SurrogateShadow>("surrogateShadow");
        app.AddSystem(Stage.PostStartup, "surrogate.setup", Setup);
        app.AddSystem(Stage.Update, "surrogate.compare", Compare);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<SurrogateShadow>("surrogateShadow") is not { } entity) return;
        var shadow = world.Get<SurrogateShadow>(entity);
        var path = world.HasResource<SceneLocation>() ? world.Resource<SceneLocation>().Resolve(shadow.Model) : Path.GetFullPath(shadow.Model);
        TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: shadow.PointSeed, PreferCuda: false));
        var (model, _) = SurrogateCheckpoint.Load(path);
        using (model)
        {
            var (initial, unit, shape, read) = Reference(world, model.Problem, path);
            var trajectory = Predict(model, initial, shadow.PointSeed);
            world.Add(entity, trajectory);
            world.Add(entity, new SurrogateReference(read));
            var catalog = world.Resource<FieldCatalog>();
            catalog.Register(new FieldView("surrogate", unit, shape, () => trajectory.Current));
            catalog.Register(new FieldView("surrogate_error", unit, shape, () => trajectory.Error));
        }
    }

    private static void Compare(World world)
    {
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Trajectories))
        {
            var trajectories = chunk.GetSpan<SurrogateTrajectory>();
            var references = chunk.GetSpan<SurrogateReference>();
            for (var i = 0; i < trajectories.Length; i++)
            {
                var (time, field) = references[i].Read();
                if (trajectories[i].Compare(time, field) is { } error) metrics.Set("surrogate.rel_l2", error);
                metrics.Set("surrogate.residual", trajectories[i].ResidualPerExpert.Max());
                metrics.Set("surrogate.infer_ms", trajectories[i].InferMs);
            }
        }
    }

    private static SurrogateTrajectory Predict(ConstrainedSurrogate model, double[] initial, int seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var points = new CollocationSampler(model.Problem, model.Partition, seed).Sample(model.Settings.Points, model.Settings.InitialRows);
        var start = Stopwatch.GetTimestamp();
        var output = model.Forward(tensor(initial.Select(v => (float)v).ToArray()).view(1, -1), points);
        var values = output.Prediction.contiguous().data<double>().ToArray();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var problem = model.Problem;
        var horizon = problem switch
        {
            DiffusionSorptionProblem d => d.Parameters.Horizon,
            VorticityProblem v => v.Parameters.Horizon,
            _ => throw new ArgumentException(problem.Name),
        };
        return new SurrogateTrajectory(values, problem.Grid.Times, horizon / (problem.Grid.Times - 1), output.ResidualPerExpert(), ms);
    }

    // The scene's reference solver the model must fit: its initial field, unit, shape and a reader of (time, field).
    private static (double[] Initial, string Unit, int[] Shape, Func<(double, double[])> Read) Reference(World world, ISurrogateProblem problem, string path)
    {
        switch (problem)
        {
            case DiffusionSorptionProblem d when Single<DiffusionSorptionSimulation>(world) is { } rod:
            {
                var p = d.Parameters;
                var r = rod.Rod;
                if (p.Cells != r.Nx || p.Length != r.Length || p.Diffusivity != r.Diffusivity || p.SorptionCoefficient != r.SorptionCoefficient
                    || p.FreundlichExponent != r.FreundlichExponent || p.Inlet != r.InletConcentration)
                    throw Mismatch(path, $"was trained on a rod of {p.Cells} cells, L = {p.Length} m, D = {p.Diffusivity} m²/s, inlet {p.Inlet}; " +
                                         $"the scene's has {r.Nx} cells, L = {r.Length} m, D = {r.Diffusivity} m²/s, inlet {r.InletConcentration} (or other sorption parameters)");
                return (rod.U.ToArray(), "1", [rod.U.Length], () => (rod.Time, rod.U));
            }
            case VorticityProblem v when Single<VorticitySimulation>(world) is { } flow:
            {
                var p = v.Parameters;
                var domain = flow.Domain;
                if (p.Points != domain.N || p.Length != domain.Length || p.Viscosity != domain.Viscosity || (p.Forcing is null) != (domain.Forcing == VorticityForcing.None))
                    throw Mismatch(path, $"was trained on {p.Points} × {p.Points} points, L = {p.Length} m, ν = {p.Viscosity} m²/s; " +
                                         $"the vorticity domain has {domain.N} × {domain.N}, L = {domain.Length} m, ν = {domain.Viscosity} m²/s (or another forcing)");
                return (flow.Vorticity.ToArray(), "1/s", flow.Shape, () => (flow.Time, flow.Vorticity));
            }
            default:
                throw Mismatch(path, $"is a {problem.Name} model and the scene has no {(problem is DiffusionSorptionProblem ? "diffusionSorptionRod" : "vorticityDomain")} to shadow");
        }
    }

    private static T? Single<T>(World world) where T : class
    {
        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<T>()))
            foreach (var item in chunk.GetSpan<T>()) return item;
        return null;
    }

    private static PhysMLException Mismatch(string path, string message) =>
        new(ErrorCodes.SurrogateModelMismatch, ErrorCategory.BadInput, $"surrogate {path} {message}");
}
