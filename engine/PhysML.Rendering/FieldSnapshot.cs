namespace PhysML.Rendering;

/// <summary>
/// One field as the renderer sees it: a float copy of its values (half the bytes of the simulation's doubles, and what
/// the shaders read), its shape in C order (<c>[ny, nx]</c> or <c>[nz, ny, nx]</c>), and its finite range.
/// Immutable: the simulation may overwrite its own arrays while a frame is being drawn from this copy.
/// </summary>
public sealed class FieldSnapshot
{
    private readonly float[] _values;

    public FieldSnapshot(string name, string unit, int[] shape, ReadOnlySpan<double> values, double[]? spacing = null)
    {
        Name = name;
        Unit = unit;
        Shape = (int[])shape.Clone();
        Spacing = spacing is null ? null : (double[])spacing.Clone();
        _values = new float[values.Length];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            _values[i] = (float)v;
            // NaN and infinities are drawn as the colormap's low end; they must not blow up the auto range.
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        (Min, Max) = double.IsFinite(min) ? (min, max) : (0, 0);
    }

    public string Name { get; }
    public string Unit { get; }
    public IReadOnlyList<int> Shape { get; }
    public IReadOnlyList<double>? Spacing { get; }
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Smallest and largest finite value (0, 0 when there is none).</summary>
    public double Min { get; }
    public double Max { get; }

    public int Dimensions => Shape.Count;

    /// <summary>Cells along x (the last axis), y, and z (1 for a 2D field).</summary>
    public (int Nx, int Ny, int Nz) Size => Shape.Count == 2 ? (Shape[1], Shape[0], 1) : (Shape[2], Shape[1], Shape[0]);

    public bool HasShape(IReadOnlyList<int> shape) => shape.SequenceEqual(Shape);
}
