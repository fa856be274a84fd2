namespace PhysML.Core.Ecs;

/// <summary>Reads the events of one <see cref="Events{T}"/> channel that it has not read before.</summary>
public sealed class EventReader<T>
{
    private readonly Events<T> _events;
    private long _nextUnread;

    internal EventReader(Events<T> events) => _events = events;

    public List<T> Read()
    {
        var unread = new List<T>();
        foreach (var (sequence, e) in _events.Buffered)
        {
            if (sequence < _nextUnread) continue;
            unread.Add(e);
            _nextUnread = sequence + 1;
        }
        return unread;
    }
}
