using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Plugins.Tests;

/// <summary>The custom pressure preconditioner, loaded from its DLL and picked by name in fluidDomain.</summary>
public class SamplePreconditionerTests
{
    private const string Scene = "polynomial-jacobi.scene.json";
    private const string Custom = "\"customPreconditioner\": \"polynomialJacobi\"";

    private static (double Iterations, double MaxDivergence) Run(Func<string, string>? edit = null)
    {
        using var app = SamplePlugins.Load(SamplePlugins.Preconditioner, Scene, edit).App;
        double iterations = 0, divergence = 0;
        for (var frame = 0; frame < 5; frame++)
        {
            app.RunFrame(1);
            var metrics = app.World.Resource<FrameMetrics>();
            iterations += metrics.TryGet("solve.iterations", out var i) ? i : double.NaN;
            divergence = Math.Max(divergence, metrics.TryGet("fluid.relative_divergence", out var d) ? d : double.NaN);
        }
        return (iterations, divergence);
    }

    [Fact]
    public void The_plugin_preconditioner_solves_the_pressure_in_fewer_iterations_than_plain_CG()
    {
        var custom = Run();
        var plain = Run(text => text.Replace(Custom, "\"pressurePreconditioner\": \"none\""));
        // Three damped-Jacobi sweeps shrink the condition number about threefold, so CG needs ~√3 fewer iterations;
        // asking for 20 % fewer leaves room for the warm starts differing.
        Assert.True(custom.Iterations < 0.8 * plain.Iterations, $"polynomialJacobi {custom.Iterations} vs cg {plain.Iterations} iterations");
        // Both converged to the same tolerance (1e-6 relative): the flow is divergence-free to about that.
        Assert.True(custom.MaxDivergence < 1e-4, $"relative divergence {custom.MaxDivergence:E3}");
    }

    [Fact]
    public void A_preconditioner_name_no_plugin_registered_is_refused_naming_the_field_and_the_registered_ones()
    {
        var loaded = SamplePlugins.Load(SamplePlugins.Preconditioner, Scene, text => text.Replace(Custom, "\"customPreconditioner\": \"ssor\""));
        var error = Assert.Throws<SceneException>(() => new SceneRunner(loaded, new RunOptions { Frames = 0 }));
        Assert.Contains("$.entities[0].components.fluidDomain.customPreconditioner", error.Message);
        Assert.Contains("'ssor'", error.Message);
        Assert.Contains("registered: polynomialJacobi", error.Message);
    }
}
