namespace PhysML.Viewer.Hud;

/// <summary>The last <see cref="Capacity"/> values of a per-frame figure, oldest first, for the HUD's live plots.</summary>
public sealed class RollingSeries(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _start;

    public int Capacity => capacity;

    public int Count { get; private set; }

    public double this[int index] => _values[(_start + index) % capacity];

    public void Add(double value)
    {
        if (Count < capacity)
        {
            _values[(_start + Count++) % capacity] = value;
            return;
        }

        _values[_start] = value;
        _start = (_start + 1) % capacity;
    }

    public void Clear()
    {
        Count = 0;
        _start = 0;
    }
}
