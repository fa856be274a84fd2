using PhysML.Core.Checkpoints;
using PhysML.Core.Ecs;

namespace PhysML.Core.Application;

/// <summary>
/// Run-time requests to a scene's pressure solve, as a resource: switch the preconditioner or the backend, start or
/// stop online training. The plugin that owns the pressure solve registers it (saying what it accepts) and applies
/// what changed at the next frame boundary, never inside a frame; timelines and the viewer's keys write requests.
/// Requests accumulate: a backend switch keeps an earlier preconditioner switch.
/// </summary>
public sealed class PressureControls(IReadOnlyList<string> preconditioners, IReadOnlyList<string> backends, Func<World, string?> trainingUnavailable)
    : ICheckpointable
{
    /// <summary>The preconditioner names <see cref="Request"/> accepts.</summary>
    public IReadOnlyList<string> Preconditioners { get; } = preconditioners;

    /// <summary>The backend names <see cref="Request"/> accepts.</summary>
    public IReadOnlyList<string> Backends { get; } = backends;

    /// <summary>Why the loaded scene cannot start or stop training (no learned model, say), or null when it can.</summary>
    public string? TrainingUnavailable(World world) => trainingUnavailable(world);

    /// <summary>The preconditioner asked for; null keeps the scene's.</summary>
    public string? Preconditioner { get; private set; }

    /// <summary>The backend asked for; null keeps the scene's.</summary>
    public string? Backend { get; private set; }

    /// <summary>Whether online training takes samples; null keeps the scene's (on when it trains online).</summary>
    public bool? Training { get; private set; }

    /// <summary>Bumped by every request; the owning plugin applies the requests when it differs from
    /// <see cref="AppliedVersion"/>.</summary>
    public int Version { get; private set; }

    /// <summary>The <see cref="Version"/> the owning plugin last applied (0 after Startup and after a checkpoint is
    /// read, so a resumed run applies the restored requests to the solver its Startup built).</summary>
    public int AppliedVersion { get; set; }

    public bool HasPending => Version != AppliedVersion;

    /// <summary>Asks for another preconditioner and/or backend (null leaves one as it is); names are checked by the
    /// caller against <see cref="Preconditioners"/> and <see cref="Backends"/> (timelines: at load).</summary>
    public void Request(string? preconditioner, string? backend)
    {
        if (preconditioner is not null && !Preconditioners.Contains(preconditioner))
            throw new ArgumentException($"unknown preconditioner '{preconditioner}'; known: {string.Join(", ", Preconditioners)}", nameof(preconditioner));
        if (backend is not null && !Backends.Contains(backend))
            throw new ArgumentException($"unknown backend '{backend}'; known: {string.Join(", ", Backends)}", nameof(backend));
        Preconditioner = preconditioner ?? Preconditioner;
        Backend = backend ?? Backend;
        Version++;
    }

    public void RequestTraining(bool on)
    {
        Training = on;
        Version++;
    }

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Preconditioner ?? "");
        writer.Write(Backend ?? "");
        writer.Write(Training switch { null => (byte)0, false => (byte)1, true => (byte)2 });
        writer.Write(Version);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        Preconditioner = reader.ReadString() is { Length: > 0 } p ? p : null;
        Backend = reader.ReadString() is { Length: > 0 } b ? b : null;
        Training = reader.ReadByte() switch { 0 => null, 1 => false, _ => true };
        Version = reader.ReadInt32();
        AppliedVersion = 0;
    }
}
