using PhysML.Heat;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Tests;

internal static class SceneFixtures
{
    public static SceneLoader Loader() => new(PluginCatalog.FromAssemblies(typeof(HeatPlugin).Assembly, typeof(PhysML.Fluids.FluidPlugin).Assembly, typeof(PhysML.Fields.Probes.ProbesPlugin).Assembly,
        typeof(PhysML.DiffusionSorption.DiffusionSorptionPlugin).Assembly, typeof(PhysML.Vorticity.VorticityPlugin).Assembly, typeof(PhysML.Pde.WavePlugin).Assembly,
        typeof(PhysML.LearnedPressure.LearnedPressurePlugin).Assembly, typeof(PhysML.Surrogates.SurrogatePlugin).Assembly));

    public static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "Malformed", name);

    public static string Scene(string name) => Path.Combine(AppContext.BaseDirectory, "scenes", name);
}
