namespace PhysML.Viewer.Simulation;

/// <summary>
/// Hands snapshots from one writer thread to one reader thread without either ever waiting: a triple buffer. The
/// writer fills its back buffer and publishes it; the reader takes the latest published one. Three buffers because with
/// two, a writer publishing again would have to wait for the reader to let go of the one it is reading.
/// </summary>
/// <remarks>
/// The issue asks for double-buffered snapshots; this is the double buffer plus the one slot that removes the wait.
/// Slots are swapped with Interlocked.Exchange on one shared index; bit 2 marks "published since the reader's last take".
/// </remarks>
public sealed class SnapshotExchange<T>
    where T : class
{
    private const int FreshBit = 4;
    private readonly T[] _buffers;
    private int _back;
    private int _middle;
    private int _front;

    public SnapshotExchange(Func<T> create)
    {
        _buffers = [create(), create(), create()];
        _back = 0;
        _middle = 1;
        _front = 2;
    }

    /// <summary>The buffer the writer fills next; only the writer thread touches it.</summary>
    public T Back => _buffers[_back];

    /// <summary>The buffer the reader took last; only the reader thread touches it.</summary>
    public T Front => _buffers[_front];

    /// <summary>Publishes <see cref="Back"/>; the writer gets the previous middle buffer as its new back buffer.</summary>
    public void Publish()
    {
        int previous = Interlocked.Exchange(ref _middle, _back | FreshBit);
        _back = previous & ~FreshBit;
    }

    /// <summary>Takes the latest published buffer into <see cref="Front"/>; false (Front unchanged) when nothing new was published.</summary>
    public bool TryTakeLatest()
    {
        if ((Volatile.Read(ref _middle) & FreshBit) == 0)
        {
            return false;
        }

        int taken = Interlocked.Exchange(ref _middle, _front);
        _front = taken & ~FreshBit;
        return true;
    }
}
