using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.DiffusionSorption;
using PhysML.ML;
using PhysML.ML.Surrogates;
using PhysML.Vorticity;

namespace PhysML.Surrogates;

/// <summary>
/// Neural PDE surrogates with mixture-of-experts hard constraints on the reference solvers' regions (scene name
/// <c>surrogate</c>). Component: <see cref="SurrogateShadow"/>. At PostStartup it loads the model (PML0902), checks
/// that it was trained for the scene's diffusion–sorption rod or vorticity domain (problem, grid, parameters: PML0903),
/// and starts a <see cref="SurrogateSession"/> (a world resource, disposed with the app), which predicts a window of
/// the model's horizon from the initial field in one constrained forward pass. Every frame (Update, after the fixed
/// steps) the session reads the surrogate's field at the solver's time, predicting the next window when the horizon is
/// used up (shadow: from the solver's field; replace: from its own prediction), and compares it with the solver.
/// Metrics: <c>surrogate.rel_l2</c> (‖u_surrogate − u_reference‖/‖u_reference‖ at the current time),
/// <c>surrogate.residual</c> (largest per-expert RMS PDE residual at the collocation points after the window's solve),
/// <c>surrogate.infer_ms</c>; with <c>train.online</c> also <c>model.version</c>, <c>train.loss</c>,
/// <c>train.samples</c>, <c>train.dropped</c>, <c>train.rounds</c>, <c>train.rejected</c> and
/// <c>surrogate.heldout_rel_l2</c> (the model in use on the held-out windows at its last validation). Fields:
/// <c>surrogate</c> and <c>surrogate_error</c> (surrogate − reference), the reference's shape and unit, and
/// <c>surrogate_compare</c> (reference, surrogate and error side by side, <see cref="SurrogateSession.Comparison"/>).
/// </summary>
public sealed class SurrogatePlugin : IPlugin
{
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
        SurrogateSession session;
        string unit;
        int[] shape;
        try
        {
            (unit, shape, var read) = Reference(world, model.Problem, path);
            session = new SurrogateSession(model, shadow.Mode, shadow.PointSeed, read, shadow.Train);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        world.SetResource(session);
        var catalog = world.Resource<FieldCatalog>();
        catalog.Register(new FieldView("surrogate", unit, shape, () => session.Current));
        catalog.Register(new FieldView("surrogate_error", unit, shape, () => session.Error));
        catalog.Register(new FieldView("surrogate_compare", unit, SurrogateSession.ComparisonShape(shape), () => session.Comparison));
    }

    private static void Compare(World world)
    {
        if (!world.HasResource<SurrogateSession>()) return;
        world.Resource<SurrogateSession>().Frame(world.Resource<Time>().Frame, world.Resource<FrameMetrics>());
    }

    // The scene's reference solver the model must fit: its initial field, unit, shape and a reader of (time, field).
    private static (string Unit, int[] Shape, Func<(double, double[])> Read) Reference(World world, ISurrogateProblem problem, string path)
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
                return ("1", [rod.U.Length], () => (rod.Time, rod.U));
            }
            case VorticityProblem v when Single<VorticitySimulation>(world) is { } flow:
            {
                var p = v.Parameters;
                var domain = flow.Domain;
                if (p.Points != domain.N || p.Length != domain.Length || p.Viscosity != domain.Viscosity || (p.Forcing is null) != (domain.Forcing == VorticityForcing.None))
                    throw Mismatch(path, $"was trained on {p.Points} × {p.Points} points, L = {p.Length} m, ν = {p.Viscosity} m²/s; " +
                                         $"the vorticity domain has {domain.N} × {domain.N}, L = {domain.Length} m, ν = {domain.Viscosity} m²/s (or another forcing)");
                return ("1/s", flow.Shape, () => (flow.Time, flow.Vorticity));
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
