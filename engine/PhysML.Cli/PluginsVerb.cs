using System.CommandLine;
using PhysML.Core.Errors;
using PhysML.Core.Application;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Plugins;

namespace PhysML.Cli;

/// <summary><c>physml plugins</c>: the plugins a scene can name, where each comes from, and the components each registers.</summary>
public static class PluginsVerb
{
    public static Command Create(CliContext context)
    {
        var plugin = BuiltInPlugins.Option();
        var scene = new Option<string?>("--scene") { Description = "Also list the plugins of this scene's plugins/ folder." };
        var command = new Command("plugins", "List the plugins scenes can enable, where each comes from, and their components.") { plugin, scene };
        command.SetAction(parsed =>
        {
            var catalog = BuiltInPlugins.Catalog(parsed.GetValue(scene), parsed.GetValue(plugin));
            context.Output.WriteLine($"engine PhysML.Core {EngineCompatibility.EngineVersion} (plugins built against {EngineCompatibility.Accepted(EngineCompatibility.EngineVersion)} load)");
            foreach (var name in catalog.Names)
            {
                catalog.TryCreate(name, out var instance);
                var app = new App().AddPlugin(instance);
                var origin = catalog.IsExternal(name) ? catalog.OriginOf(name) : PluginCatalog.BuiltIn;
                context.Output.WriteLine($"{name}  ({instance.GetType().FullName}, {origin})");
                foreach (var component in app.ComponentNames.Names) context.Output.WriteLine($"  component {component}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
