using PhysML.DiffusionSorption;
using PhysML.Fields.Probes;
using PhysML.Fluids;
using PhysML.Heat;
using PhysML.Scenes.Loading;

namespace PhysML.Cli;

/// <summary>The plugins shipped with PhysML, which every scene can name.</summary>
public static class BuiltInPlugins
{
    public static PluginCatalog Catalog() => PluginCatalog.FromAssemblies(typeof(HeatPlugin).Assembly, typeof(FluidPlugin).Assembly, typeof(ProbesPlugin).Assembly,
        typeof(DiffusionSorptionPlugin).Assembly, typeof(PhysML.Vorticity.VorticityPlugin).Assembly,
        typeof(PhysML.Pde.WavePlugin).Assembly, typeof(PhysML.LearnedPressure.LearnedPressurePlugin).Assembly,
        typeof(PhysML.Surrogates.SurrogatePlugin).Assembly);
}
