using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Application;

public sealed partial class App
{
    private readonly Dictionary<Stage, List<SystemDescriptor>> _systems = new();
    private readonly Dictionary<Stage, SystemDescriptor[]> _ordered = new();

    /// <summary>Adds a system to a stage; optional <paramref name="after"/>/<paramref name="before"/> name systems of the same stage.</summary>
    public App AddSystem(Stage stage, string name, Action<World> run, string[]? after = null, string[]? before = null) =>
        AddSystem(new SystemDescriptor(name, stage, run)
        {
            After = after ?? Array.Empty<string>(),
            Before = before ?? Array.Empty<string>(),
        });

    public App AddSystem(SystemDescriptor system)
    {
        if (!_systems.TryGetValue(system.Stage, out var list)) _systems[system.Stage] = list = new List<SystemDescriptor>();
        if (list.Any(s => s.Name == system.Name))
            throw new PhysMLException(ErrorCodes.SystemOrdering, ErrorCategory.Internal,
                $"stage {system.Stage} already has a system named '{system.Name}'; system names must be unique in a stage");
        list.Add(system with { Plugin = system.Plugin ?? _buildingPlugin });
        _ordered.Remove(system.Stage);
        return this;
    }

    /// <summary>The systems of a stage in the order they run.</summary>
    public IReadOnlyList<SystemDescriptor> SystemsIn(Stage stage)
    {
        if (_ordered.TryGetValue(stage, out var ordered)) return ordered;
        ordered = SystemOrder.Sort(stage, _systems.TryGetValue(stage, out var list) ? list : new List<SystemDescriptor>());
        _ordered[stage] = ordered;
        return ordered;
    }

    private void RunStage(Stage stage)
    {
        var faults = World.Resource<PluginFaults>();
        foreach (var system in SystemsIn(stage))
        {
            if (faults.IsDisabled(system.Plugin)) continue;
            try
            {
                system.Run(World);
            }
            // Bad input (a component value a plugin refuses at Startup, say) is the scene's fault, not the plugin's:
            // it stops the run with its own code, whatever the policy.
            catch (Exception e) when (e is not (OperationCanceledException or PhysMLException { Category: ErrorCategory.BadInput })
                                      && DisablesOnError(system.Plugin))
            {
                Disable(system, stage, e);
                continue;
            }
            catch (PhysMLException)
            {
                throw;
            }
            catch (Exception e)
            {
                var owner = system.Plugin is null ? "the app" : $"plugin '{system.Plugin}'";
                throw new PhysMLException(ErrorCodes.SystemFailed, ErrorCategory.Internal,
                    $"system '{system.Name}' of {owner} threw in stage {stage}: {e.GetType().Name}: {e.Message}", e);
            }
            // Structural changes recorded during the system take effect before the next system runs.
            World.Commands.Playback();
        }
    }

    private bool DisablesOnError(string? plugin) =>
        World.HasResource<PluginFaultPolicy>() && World.Resource<PluginFaultPolicy>().Disables(plugin);

    // The failed system's recorded structural changes are half a change: dropped, not played back.
    private void Disable(SystemDescriptor system, Stage stage, Exception error)
    {
        World.Commands.Discard();
        var text = error is PhysMLException coded ? $"error {coded.Code}: {coded.Message}" : $"{error.GetType().Name}: {error.Message}";
        var fault = new PluginFault(system.Plugin!, system.Name, stage, World.Resource<Time>().Frame, text);
        World.Resource<PluginFaults>().Add(fault);
        World.Resource<RunWarnings>().Add(fault.Message);
    }
}
