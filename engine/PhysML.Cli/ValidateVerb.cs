using System.CommandLine;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Cli;

/// <summary><c>physml validate SCENE</c>: loads the scene and runs its Startup, writing nothing.</summary>
public static class ValidateVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var plugin = BuiltInPlugins.Option();
        var command = new Command("validate", "Check a scene file (syntax, components, values, plugins) without running it.") { scene, plugin };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(scene)!;
            var loaded = new SceneLoader(BuiltInPlugins.Catalog(path, parsed.GetValue(plugin))).Load(path);
            var runner = new SceneRunner(loaded, new RunOptions { Frames = 0 });
            foreach (var warning in runner.Warnings) context.Error.WriteLine($"warning: {warning}");
            context.Output.WriteLine($"{path}: ok: scene '{loaded.Name}', {loaded.File.Entities.Count} entities, " +
                                     $"plugins [{string.Join(", ", loaded.File.Plugins)}], fields [{string.Join(", ", runner.App.World.Resource<PhysML.Core.Diagnostics.FieldCatalog>().Names)}]");
            return ExitCodes.Success;
        });
        return command;
    }
}
