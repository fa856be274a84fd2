namespace PhysML.Rendering;

/// <summary>
/// Hands the newest <see cref="RenderSnapshot"/> from the simulation to the renderer without either waiting: one
/// atomic slot. <see cref="Publish"/> replaces what is there (a snapshot the renderer never took is dropped: it is
/// older than the one replacing it); <see cref="TryTakeLatest"/> empties the slot. Snapshots are immutable, so the one
/// the renderer is drawing and the one in the slot are the two buffers of a double buffer, and neither side locks.
/// </summary>
/// <remarks>As a resource: the <see cref="RenderExtractionPlugin"/> puts one in the world.</remarks>
public sealed class SnapshotExchange
{
    private RenderSnapshot? _latest;
    private string[] _requested;
    private long _published;
    private long _dropped;

    public SnapshotExchange(IEnumerable<string>? requestedFields = null)
    {
        _requested = requestedFields?.ToArray() ?? [];
    }

    /// <summary>
    /// The fields each snapshot copies (besides <c>solid</c> and the velocity, always copied when present). The render
    /// side sets it, e.g. when the viewer switches the displayed field; the next extraction uses it. Copying only
    /// what is drawn keeps extraction cheap: some fields (pressure, speed) are computed when read.
    /// </summary>
    public IReadOnlyList<string> RequestedFields
    {
        get => Volatile.Read(ref _requested);
        set => Volatile.Write(ref _requested, value.ToArray());
    }

    /// <summary>Snapshots published so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Snapshots replaced before the renderer took them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Simulation side: offers <paramref name="snapshot"/> as the newest. Never blocks.</summary>
    public void Publish(RenderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Interlocked.Exchange(ref _latest, snapshot) is not null) Interlocked.Increment(ref _dropped);
        Interlocked.Increment(ref _published);
    }

    /// <summary>Render side: takes the newest snapshot published since the last take, if any. Never blocks.</summary>
    public bool TryTakeLatest(out RenderSnapshot snapshot)
    {
        snapshot = Interlocked.Exchange(ref _latest, null)!;
        return snapshot is not null;
    }
}
