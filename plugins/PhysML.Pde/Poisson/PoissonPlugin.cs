using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Pde;

/// <summary>
/// The Poisson equation −∇²u = f on a rectangle (scene name <c>poisson</c>), solved by conjugate gradient at startup
/// and again in the first fixed step after the <see cref="PoissonProblem"/> component's value changes (same grid).
/// Component: <see cref="PoissonProblem"/> (one per scene). Fields: <c>u</c> and <c>source</c> (f), [ny, nx].
/// Metrics per frame: <c>poisson.iterations</c> and <c>poisson.residual</c> (of the latest solve), <c>poisson.solves</c>
/// (solves so far), <c>poisson.min</c>, <c>poisson.max</c>; for a sine-mode source with u = 0 on every edge
/// <c>poisson.error</c>, ‖u − u_exact‖₂/‖u_exact‖₂.
/// </summary>
public sealed class PoissonPlugin : IPlugin
{
    private static readonly QueryDescription Solved = new QueryDescription().WithAll<PoissonProblem, PoissonSolution>();

    public string Name => "poisson";

    public void Build(App app)
    {
        app.RegisterComponent<PoissonProblem>("poissonProblem");
        app.AddSystem(Stage.Startup, "poisson.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "poisson.update", Update);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<PoissonProblem>("poissonProblem") is not { } entity) return;
        var problem = world.Get<PoissonProblem>(entity);
        CheckInContext(entity, problem);
        var solution = new PoissonSolution(problem);
        world.Add(entity, solution);
        var catalog = world.Resource<FieldCatalog>();
        var spacing = new[] { solution.Grid.Dy, solution.Grid.Dx };
        catalog.Register(new FieldView("u", "1", solution.Grid.Shape, () => solution.U) { Spacing = spacing });
        catalog.Register(new FieldView("source", "1/m²", solution.Grid.Shape, () => solution.Source) { Spacing = spacing });
    }

    private static void CheckInContext(Entity entity, PoissonProblem problem)
    {
        ComponentCheck.ThrowIfInvalid(entity, "poissonProblem", problem);
        if (PoissonSolution.IncompatibilityMessage(problem) is { } message)
            throw new ComponentValueException(entity, "poissonProblem.source", message);
    }

    private static void Update(World world)
    {
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Solved))
        {
            var entities = chunk.EntitySpan;
            var problems = chunk.GetSpan<PoissonProblem>();
            var solutions = chunk.GetSpan<PoissonSolution>();
            for (var row = 0; row < chunk.Count; row++)
            {
                var (problem, solution) = (problems[row], solutions[row]);
                if (!problem.SameAs(solution.Problem))
                {
                    CheckInContext(entities[row], problem);
                    if (problem.Grid != solution.Grid)
                        throw new ComponentValueException(entities[row], "poissonProblem.nx",
                            $"poissonProblem's grid changed from {solution.Grid.Nx}×{solution.Grid.Ny} cells of " +
                            $"{solution.Grid.Width}×{solution.Grid.Height} m to {problem.Nx}×{problem.Ny} of " +
                            $"{problem.Width}×{problem.Height} m after startup; the field's shape is fixed then. " +
                            "Change the source or the boundary, or start a new scene for a new grid.");
                    solution.Resolve(problem);
                }
                Summarise(solution, metrics);
            }
        }
    }

    private static void Summarise(PoissonSolution solution, FrameMetrics metrics)
    {
        metrics.Set("poisson.iterations", solution.Info.Iterations);
        metrics.Set("poisson.residual", solution.Info.RelativeResidual);
        metrics.Set("poisson.solves", solution.Solves);
        metrics.Set("poisson.min", solution.U.Min());
        metrics.Set("poisson.max", solution.U.Max());
        if (PoissonAnalytic.Applies(solution.Problem))
            metrics.Set("poisson.error", PoissonAnalytic.RelativeL2Error(solution.Problem, solution.U));
    }
}
