using PhysML.Core.Diagnostics;

namespace PhysML.Fields.Probes;

/// <summary>Samples a 2D or 3D <see cref="FieldView"/> at a point in metres, (bi/tri)linearly, from its spacing and
/// offset; z is ignored for 2D fields.</summary>
public static class FieldSampler
{
    /// <summary>True when the field is 2D or 3D and has geometry (<see cref="FieldView.Spacing"/>).</summary>
    public static bool CanSample(FieldView field) =>
        field.Shape.Length is 2 or 3 && field.Spacing is { } spacing && spacing.Length == field.Shape.Length;

    public static double Sample(FieldView field, double x, double y, double z = 0)
    {
        var spacing = field.Spacing!;
        var offset = field.Offset ?? Enumerable.Repeat(0.5, field.Shape.Length).ToArray();
        var values = field.Read().Span;
        // Shape, spacing and offset are in C order: [rows (y), columns (x)] or [layers (z), rows, columns].
        if (field.Shape.Length == 2)
            return Bilinear.Sample(values, field.Shape[1], field.Shape[0],
                x / spacing[1] - offset[1], y / spacing[0] - offset[0], 0, 0, out _, out _);
        return Trilinear.Sample(values, field.Shape[2], field.Shape[1], field.Shape[0],
            x / spacing[2] - offset[2], y / spacing[1] - offset[1], z / spacing[0] - offset[0], 0, 0, 0, out _, out _);
    }
}
