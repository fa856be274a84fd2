using System.Runtime.Loader;
using PhysML.Cli;
using PhysML.Cli.Tests;
using PhysML.Core.Application;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Plugins;

namespace PhysML.Plugins.Tests;

/// <summary>Plugin DLLs load into their own collectible load contexts, share the engine's types, and every bad DLL
/// is refused with its coded error naming the file before anything runs.</summary>
public class PluginLoadingTests
{
    [Fact]
    public void A_sample_loads_from_its_dll_into_its_own_collectible_context_sharing_the_engine_types()
    {
        var dll = SamplePlugins.Dll(SamplePlugins.Decay);
        var catalog = SamplePlugins.Catalog(SamplePlugins.Decay);

        Assert.True(catalog.TryCreate("samples.decay", out var plugin));
        var context = AssemblyLoadContext.GetLoadContext(plugin.GetType().Assembly);
        Assert.IsType<PluginLoadContext>(context);
        Assert.True(context!.IsCollectible);
        Assert.Equal(dll, plugin.GetType().Assembly.Location);
        // One PhysML.Core for engine and plugin: the plugin's IPlugin is the engine's (else the cast above had failed).
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "PhysML.Core");
        Assert.True(catalog.IsExternal("samples.decay"));
        Assert.Equal(dll, catalog.OriginOf("samples.decay"));
        Assert.False(catalog.IsExternal("heat"));
    }

    [Fact]
    public void A_missing_dll_is_PML0802()
    {
        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), "/nonexistent/MyGame.Wind.dll"));
        Assert.Equal(ErrorCodes.PluginFileNotFound, error.Code);
        Assert.Contains("/nonexistent/MyGame.Wind.dll", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_PML0803()
    {
        using var temp = new TempDirectory();
        var notes = temp.File("MyGame.Wind.dll", "these are my notes, not a DLL");
        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), notes));
        Assert.Equal(ErrorCodes.PluginNotAssembly, error.Code);
        Assert.Contains(notes, error.Message);
        Assert.Contains("not a .NET assembly", error.Message);
    }

    [Fact]
    public void An_assembly_without_PhysML_Core_or_without_a_plugin_is_PML0804()
    {
        using var temp = new TempDirectory();
        var lonely = TestPluginCompiler.Compile(temp.Path, "Lonely", "public static class Tables { public static int Size => 3; }");
        var noCore = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), lonely));
        Assert.Equal(ErrorCodes.PluginAssemblyHasNoPlugin, noCore.Code);
        Assert.Contains("does not reference PhysML.Core", noCore.Message);

        var helpers = TestPluginCompiler.Compile(temp.Sub("b"), "Helpers",
            "public static class Helpers { public static System.Type Plugin => typeof(PhysML.Core.Application.IPlugin); }", TestPluginCompiler.EngineCore);
        var noPlugin = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), helpers));
        Assert.Equal(ErrorCodes.PluginAssemblyHasNoPlugin, noPlugin.Code);
        Assert.Contains(helpers, noPlugin.Message);
        Assert.Contains("no public, non-abstract IPlugin class", noPlugin.Message);
    }

    [Fact]
    public void A_plugin_built_against_another_engine_version_is_PML0805_naming_both_versions()
    {
        using var temp = new TempDirectory();
        // A PhysML.Core 9.0 with an IPlugin, and a plugin compiled against it.
        var fakeCore = TestPluginCompiler.Compile(temp.Sub("core9"), "PhysML.Core", """
            [assembly: System.Reflection.AssemblyVersion("9.0.0.0")]
            namespace PhysML.Core.Application { public interface IPlugin { string Name { get; } } }
            """);
        var plugin = TestPluginCompiler.Compile(temp.Sub("plugin"), "MyGame.Wind",
            "public sealed class WindPlugin : PhysML.Core.Application.IPlugin { public string Name => \"MyGame.Wind\"; }", fakeCore);

        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), plugin));
        Assert.Equal(ErrorCodes.PluginIncompatible, error.Code);
        Assert.Contains(plugin, error.Message);
        Assert.Contains("PhysML.Core 9.0.0.0", error.Message);
        Assert.Contains($"this engine is PhysML.Core {EngineCompatibility.EngineVersion}", error.Message);
    }

    [Theory]
    [InlineData("0.1.0.0", "0.1.3.0", true)]   // patch releases never matter
    [InlineData("0.1.5.0", "0.1.0.0", true)]
    [InlineData("0.2.0.0", "0.1.0.0", false)]  // 0.x: every minor release may break the API
    [InlineData("0.1.0.0", "0.2.0.0", false)]
    [InlineData("1.2.0.0", "1.4.0.0", true)]   // 1.x and on: an older minor runs on a newer engine
    [InlineData("1.5.0.0", "1.4.0.0", false)]  // ... a newer one may use what the engine lacks
    [InlineData("1.0.0.0", "2.0.0.0", false)]
    public void The_compatibility_rule_is_semantic_versioning(string builtAgainst, string engine, bool compatible) =>
        Assert.Equal(compatible, EngineCompatibility.IsCompatible(Version.Parse(builtAgainst), Version.Parse(engine)));

    [Fact]
    public void A_dll_plugin_named_like_a_built_in_one_is_PML0806()
    {
        using var temp = new TempDirectory();
        var impostor = TestPluginCompiler.Named(temp.Path, "MyGame.Heat", "heat");
        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), impostor));
        Assert.Equal(ErrorCodes.PluginNameConflict, error.Code);
        Assert.Contains("'heat'", error.Message);
        Assert.Contains("(built in)", error.Message);
        Assert.Contains(impostor, error.Message);
    }

    [Fact]
    public void Two_dlls_providing_one_plugin_name_are_PML0806_naming_both()
    {
        using var temp = new TempDirectory();
        var first = TestPluginCompiler.Named(temp.Sub("a"), "MyGame.Wind", "MyGame.Wind");
        var second = TestPluginCompiler.Named(temp.Sub("b"), "MyGame.Wind", "MyGame.Wind");
        var sources = new PluginSources([first, second], []);
        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddTo(BuiltInPlugins.Catalog(), sources));
        Assert.Equal(ErrorCodes.PluginNameConflict, error.Code);
        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
    }

    [Fact]
    public void The_search_path_is_the_plugin_files_the_scene_folder_then_PHYSML_PLUGIN_PATH()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("wind.scene.json", "{}");
        var sources = PluginSources.For(scene, ["extra/Wind.dll"], environment: $"/opt/a{Path.PathSeparator}/opt/b");
        Assert.Equal([Path.GetFullPath("extra/Wind.dll")], sources.Files);
        Assert.Equal([Path.Combine(temp.Path, "plugins"), "/opt/a", "/opt/b"], sources.Folders);

        // In a folder: NAME.dll, or NAME/NAME.dll with its dependencies beside it (which are not plugins).
        var plugins = Directory.CreateDirectory(Path.Combine(temp.Path, "plugins")).FullName;
        var flat = TestPluginCompiler.Named(plugins, "Flat", "flat");
        var nested = TestPluginCompiler.Named(Path.Combine(plugins, "Nested"), "Nested", "nested");
        TestPluginCompiler.Compile(Path.Combine(plugins, "Nested"), "Nested.Dependency", "public static class D { }");
        Assert.Equal([flat, nested], new PluginSources([], [plugins]).Assemblies());
    }

    [Fact]
    public void A_plugins_own_dependency_loads_beside_it_in_its_context_and_a_missing_one_is_PML0807()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "plugins", "Test.Windy");
        var tables = TestPluginCompiler.Compile(folder, "Test.Tables",
            "namespace Test.Tables; public interface ITable { double Lookup(double x); }");
        var plugin = TestPluginCompiler.Compile(folder, "Test.Windy", """
            using PhysML.Core.Application;
            public sealed class WindyPlugin : IPlugin, Test.Tables.ITable
            {
                public string Name => "test.windy";
                public double Lookup(double x) => 2 * x;
                public void Build(App app) { }
            }
            """, TestPluginCompiler.EngineCore, tables);

        var catalog = BuiltInPlugins.Catalog();
        PluginAssemblyLoader.AddTo(catalog, new PluginSources([], [Path.Combine(temp.Path, "plugins")]));
        Assert.True(catalog.TryCreate("test.windy", out var windy));
        var dependency = windy.GetType().GetInterfaces().Single(i => i.Name == "ITable").Assembly;
        Assert.Equal(tables, dependency.Location);
        Assert.Same(AssemblyLoadContext.GetLoadContext(windy.GetType().Assembly), AssemblyLoadContext.GetLoadContext(dependency));

        File.Delete(tables);
        var error = Assert.Throws<PhysMLException>(() => PluginAssemblyLoader.AddAssembly(BuiltInPlugins.Catalog(), plugin));
        Assert.Equal(ErrorCodes.PluginLoadFailed, error.Code);
        Assert.Contains(plugin, error.Message);
        Assert.Contains("Test.Tables", error.Message);
    }

    [Fact]
    public void A_scene_naming_a_plugin_no_dll_provides_is_PML0104_listing_where_dlls_were_looked_for()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("wind.scene.json", """{ "name": "wind", "plugins": ["MyGame.Wind"] }""");
        var run = CliRun.Of("validate", scene, "--plugin", SamplePlugins.Dll(SamplePlugins.Decay));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("PML0104", run.Error);
        Assert.Contains("unknown plugin 'MyGame.Wind'", run.Error);
        Assert.Contains("samples.decay", run.Error); // the DLL's plugin is among the known ones
        Assert.Contains($"--plugin {SamplePlugins.Dll(SamplePlugins.Decay)}", run.Error);
        Assert.Contains($"{Path.Combine(temp.Path, "plugins")} (absent)", run.Error);
    }

    [Fact]
    public void A_bad_plugin_dll_stops_physml_run_before_it_writes_anything()
    {
        using var temp = new TempDirectory();
        var notes = temp.File("Broken.dll", "not a DLL");
        var output = temp.Sub("run");
        var run = CliRun.Of("run", SamplePlugins.Scene(SamplePlugins.Decay, "decay.scene.json"), "--plugin", notes, "--out", output);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("PML0803", run.Error);
        Assert.False(Directory.Exists(output), run.ToString());
    }

    [Fact]
    public void Physml_runs_a_scene_with_plugins_from_the_plugins_folder_beside_it()
    {
        using var temp = new TempDirectory();
        var scene = Path.Combine(temp.Path, "decay.scene.json");
        File.Copy(SamplePlugins.Scene(SamplePlugins.Decay, "decay.scene.json"), scene);
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "plugins", SamplePlugins.Decay)).FullName;
        File.Copy(SamplePlugins.Dll(SamplePlugins.Decay), Path.Combine(folder, SamplePlugins.Decay + ".dll"));

        var run = CliRun.Of("run", scene, "--frames", "3", "--out", temp.Sub("run"));
        Assert.Equal(0, run.ExitCode);
        var lastFrame = File.ReadLines(Path.Combine(temp.Sub("run"), "metrics.jsonl")).Last();
        Assert.Contains("\"decay.total\"", lastFrame);

        var listed = CliRun.Of("plugins", "--scene", scene);
        Assert.Contains($"samples.decay  (PhysML.Samples.Decay.DecayPlugin, {Path.Combine(folder, SamplePlugins.Decay + ".dll")})", listed.Output);
    }

    [Fact]
    public void Physml_sweep_and_validate_take_plugin_dlls_too()
    {
        using var temp = new TempDirectory();
        var scene = SamplePlugins.Scene(SamplePlugins.Decay, "decay.scene.json");
        var dll = SamplePlugins.Dll(SamplePlugins.Decay);

        var validate = CliRun.Of("validate", scene, "--plugin", dll);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("plugins [samples.decay]", validate.Output);

        var sweep = CliRun.Of("sweep", scene, "--plugin", dll, "--param", "entities.fast.decay.rate=2,4", "--frames", "2", "--out", temp.Sub("sweep"));
        Assert.Equal(0, sweep.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(temp.Sub("sweep"), "sweep.csv"));
        Assert.Equal(3, rows.Length); // header and two variants
    }
}
