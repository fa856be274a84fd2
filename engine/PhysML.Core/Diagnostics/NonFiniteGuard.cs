using PhysML.Core.Errors;

namespace PhysML.Core.Diagnostics;

/// <summary>Stops a run at the first non-finite value of a field, naming where it appeared.</summary>
public static class NonFiniteGuard
{
    /// <summary>Throws <see cref="NonFiniteValueException"/> if any value is NaN or ±∞.</summary>
    public static void Check(string field, ReadOnlySpan<double> values, ReadOnlySpan<int> shape, long fixedStep, string hint)
    {
        for (var k = 0; k < values.Length; k++)
        {
            if (double.IsFinite(values[k])) continue;
            throw new NonFiniteValueException(field, Unravel(k, shape), values[k], fixedStep, hint);
        }
    }

    private static int[] Unravel(int flat, ReadOnlySpan<int> shape)
    {
        var index = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
