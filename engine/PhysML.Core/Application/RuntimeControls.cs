namespace PhysML.Core.Application;

/// <summary>
/// Run-time commands posted from any thread (the viewer's window thread) and applied by the plugin that owns the
/// setting at the next frame boundary on the simulation thread, as a resource. The applying plugin publishes what is
/// in effect in <see cref="Status"/>.
/// </summary>
/// <remarks>
/// The type lives in the engine so front ends need no plugin reference (engine/ never references plugins/); what each
/// command does lives in the plugin: the fluid plugin applies the solver, backend and training commands.
/// </remarks>
[PhysML.Core.Checkpoints.NoCheckpointState("the viewer's key commands, consumed at the next frame boundary; the switches they made live in the solvers")]
public sealed class RuntimeControls
{
    private readonly List<RuntimeCommand> _pending = [];
    private readonly Lock _lock = new();
    private RuntimeControlStatus? _status;

    /// <summary>Queues <paramref name="command"/> for the next frame boundary. Thread-safe.</summary>
    public void Post(RuntimeCommand command)
    {
        lock (_lock)
        {
            _pending.Add(command);
        }
    }

    /// <summary>Takes the queued commands, oldest first; called by the applying plugin at a frame boundary.</summary>
    public IReadOnlyList<RuntimeCommand> TakePending()
    {
        lock (_lock)
        {
            if (_pending.Count == 0) return [];
            var taken = _pending.ToArray();
            _pending.Clear();
            return taken;
        }
    }

    /// <summary>What is in effect after the last frame boundary, readable from any thread (an immutable record); null
    /// until a plugin that applies the commands has published (a scene without a fluid domain never does).</summary>
    public RuntimeControlStatus? Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value ?? throw new ArgumentNullException(nameof(value)));
    }
}
