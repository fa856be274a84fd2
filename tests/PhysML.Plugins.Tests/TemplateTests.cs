using System.Diagnostics;
using PhysML.Cli;
using PhysML.Cli.Tests;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Plugins;

namespace PhysML.Plugins.Tests;

/// <summary>
/// The <c>dotnet new</c> template, end to end: installed into a private hive (<c>--debug:custom-hive</c>, with its
/// own DOTNET_CLI_HOME, so the user's templates are untouched), a plugin created from it, built offline against the
/// repository's PhysML.Core.dll (no package references, so restore needs no feed), and loaded through the plugin load
/// path to run the scene it came with.
/// </summary>
public class TemplateTests
{
    [Fact]
    public void A_plugin_made_from_the_template_builds_and_runs_its_scene()
    {
        using var temp = new TempDirectory();
        var hive = temp.Sub("hive");
        var project = temp.Sub("Acme.Storm");
        var core = typeof(IPlugin).Assembly.Location;

        Dotnet(temp, "new", "install", Repository.Path("plugins", "template"), "--debug:custom-hive", hive);
        Dotnet(temp, "new", "physml-plugin", "-n", "Acme.Storm", "-o", project, "--physmlCore", core, "--debug:custom-hive", hive);
        Dotnet(temp, "build", project, "-c", "Release", "--disable-build-servers", "-nologo", "-v", "quiet");

        var dll = Path.Combine(project, "bin", "Release", "net10.0", "Acme.Storm.dll");
        Assert.False(File.Exists(Path.Combine(project, "bin", "Release", "net10.0", "PhysML.Core.dll"))); // the host's is used
        var catalog = BuiltInPlugins.Catalog();
        PluginAssemblyLoader.AddTo(catalog, PluginSources.For(Path.Combine(project, "wind.scene.json"), [dll]));
        Assert.True(catalog.IsExternal("Acme.Storm"));

        using var app = new SceneLoader(catalog).Load(Path.Combine(project, "wind.scene.json")).App;
        app.RunFrame(5); // the metric is set in the last step, which starts at t = 0.4 s
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("wind.speed", out var speed));
        Assert.Equal(5 + 2 * Math.Sin(2 * Math.PI * 0.4 / 4), speed, 1e-12);
    }

    // Runs the dotnet CLI in the temp directory; a failure shows what it printed. The time limit only guards a hang.
    private static void Dotnet(TempDirectory temp, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_HOME"] = temp.Sub("cli-home");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The test host's own MSBuild settings must not leak into the child build.
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" }) start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {string.Join(' ', arguments)} did not finish");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }
}
