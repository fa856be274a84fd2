using System.CommandLine;
using PhysML.DiffusionSorption;
using PhysML.Fields.Probes;
using PhysML.Fluids;
using PhysML.Heat;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Plugins;

namespace PhysML.Cli;

/// <summary>The plugins shipped with PhysML, which every scene can name, and those loaded from DLLs.</summary>
public static class BuiltInPlugins
{
    public static PluginCatalog Catalog() => PluginCatalog.FromAssemblies(typeof(HeatPlugin).Assembly, typeof(FluidPlugin).Assembly, typeof(ProbesPlugin).Assembly,
        typeof(DiffusionSorptionPlugin).Assembly, typeof(PhysML.Vorticity.VorticityPlugin).Assembly,
        typeof(PhysML.Pde.WavePlugin).Assembly, typeof(PhysML.LearnedPressure.LearnedPressurePlugin).Assembly,
        typeof(PhysML.Surrogates.SurrogatePlugin).Assembly);

    /// <summary>The built-in plugins plus those of the <c>--plugin</c> DLLs, the scene's <c>plugins/</c> folder and
    /// <c>PHYSML_PLUGIN_PATH</c> (see <see cref="PluginSources"/>); a bad DLL is a coded error before anything runs.</summary>
    public static PluginCatalog Catalog(string? scenePath, IEnumerable<string>? pluginFiles)
    {
        var catalog = Catalog();
        PluginAssemblyLoader.AddTo(catalog, PluginSources.For(scenePath, pluginFiles));
        return catalog;
    }

    /// <summary>The repeatable <c>--plugin PATH.dll</c> option the scene verbs share.</summary>
    public static Option<string[]> Option() => new("--plugin")
    {
        Description = $"A plugin DLL to load (repeatable); the scene's {PluginSources.SceneFolderName}/ folder and ${PluginSources.EnvironmentVariable} are searched too.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
