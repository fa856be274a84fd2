using PhysML.Core.Diagnostics;

namespace PhysML.Plugins.Tests;

/// <summary>The tutorial plugin, loaded from its DLL, stepped by hand: exact exponential decay.</summary>
public class SampleDecayTests
{
    [Fact]
    public void Decay_total_is_the_sum_of_the_exponentials_at_every_frame()
    {
        using var app = SamplePlugins.Load(SamplePlugins.Decay, "decay.scene.json").App;
        for (var frame = 1; frame <= 20; frame++)
        {
            app.RunFrame(10);
            var t = app.Time.Elapsed;
            Assert.True(app.World.Resource<FrameMetrics>().TryGet("decay.total", out var total));
            // Each step multiplies by exp(−rate·dt), exact over the step: only rounding (~1e-16 per step) separates
            // the product of 200 factors from exp(−rate·t).
            Assert.Equal(2 * Math.Exp(-t) + Math.Exp(-2 * t), total, 1e-12);
        }
    }

    [Fact]
    public void A_negative_rate_is_refused_at_load_naming_the_field()
    {
        var error = Assert.Throws<PhysML.Scenes.Loading.SceneException>(() =>
            SamplePlugins.Load(SamplePlugins.Decay, "decay.scene.json", text => text.Replace("\"rate\": 2", "\"rate\": -2")));
        Assert.Contains("$.entities[1].components.decay.rate", error.Message);
        Assert.Contains("PML0105", error.Message);
    }
}
