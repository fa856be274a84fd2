using PhysML.Core.Diagnostics;

namespace PhysML.Fields.Probes;

/// <summary>Samples a 2D <see cref="FieldView"/> at a point in metres, bilinearly, from its spacing and offset.</summary>
public static class FieldSampler
{
    /// <summary>True when the field is 2D and has geometry (<see cref="FieldView.Spacing"/>).</summary>
    public static bool CanSample(FieldView field) => field.Shape.Length == 2 && field.Spacing is { Length: 2 };

    public static double Sample(FieldView field, double x, double y)
    {
        var spacing = field.Spacing!;
        var offset = field.Offset ?? new[] { 0.5, 0.5 };
        // Shape and spacing are in C order: [rows (y), columns (x)].
        return Bilinear.Sample(field.Read().Span, field.Shape[1], field.Shape[0],
            x / spacing[1] - offset[1], y / spacing[0] - offset[0], 0, 0, out _, out _);
    }
}
