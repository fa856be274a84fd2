namespace PhysML.Core.Ecs;

/// <summary>
/// A double-buffered event channel (Bevy's design): events sent in a frame are readable during that frame and the
/// next, so a reader that runs before the sender in frame order still sees them once. The App calls
/// <see cref="Update"/> at the start of each frame for every registered event type.
/// </summary>
public sealed class Events<T>
{
    private List<(long Sequence, T Event)> _previous = new();
    private List<(long Sequence, T Event)> _current = new();
    private long _nextSequence;

    public void Send(T e) => _current.Add((_nextSequence++, e));

    /// <summary>Drops the events of two frames ago.</summary>
    public void Update()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>A reader with its own cursor: each reader sees each event once.</summary>
    public EventReader<T> GetReader() => new(this);

    internal IEnumerable<(long Sequence, T Event)> Buffered => _previous.Concat(_current);
}
