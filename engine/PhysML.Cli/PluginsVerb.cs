using System.CommandLine;
using PhysML.Core.Errors;
using PhysML.Core.Application;

namespace PhysML.Cli;

/// <summary><c>physml plugins</c>: the plugins a scene can name, and the components each registers.</summary>
public static class PluginsVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("plugins", "List the plugins scenes can enable and their components.");
        command.SetAction(_ =>
        {
            var catalog = BuiltInPlugins.Catalog();
            foreach (var name in catalog.Names)
            {
                catalog.TryCreate(name, out var plugin);
                var app = new App().AddPlugin(plugin);
                context.Output.WriteLine($"{name}  ({plugin.GetType().FullName})");
                foreach (var component in app.ComponentNames.Names) context.Output.WriteLine($"  component {component}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
