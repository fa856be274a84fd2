namespace PhysML.Solvers.Multigrid;

/// <summary>
/// The transpose of <see cref="InterpolationAxis"/> as a table: for each coarse index, the fine indices that read it
/// and with which weight. Interpolation is a tensor product of three such axes, so restriction (its transpose) runs
/// as three 1D passes of at most 4 taps each instead of one 64-tap gather per coarse cell.
/// </summary>
internal sealed class RestrictionTaps
{
    private readonly int[] _start;
    private readonly int[] _fine;
    private readonly double[] _weight;

    public RestrictionTaps(InterpolationAxis axis)
    {
        _start = new int[axis.CoarseCount + 1];
        var fine = new List<int>();
        var weight = new List<double>();
        Span<int> children = stackalloc int[4];
        for (var c = 0; c < axis.CoarseCount; c++)
        {
            var count = axis.Children(c, children);
            for (var k = 0; k < count; k++)
            {
                var w = axis.Weight(children[k], c);
                if (w == 0) continue;
                fine.Add(children[k]);
                weight.Add(w);
            }
            _start[c + 1] = fine.Count;
        }
        _fine = fine.ToArray();
        _weight = weight.ToArray();
    }

    /// <summary>Σ over the taps of coarse index <paramref name="c"/> of weight · values[offset + fine·stride].</summary>
    public double Sum(int c, double[] values, int offset, int stride)
    {
        var sum = 0.0;
        for (var t = _start[c]; t < _start[c + 1]; t++) sum += _weight[t] * values[offset + _fine[t] * stride];
        return sum;
    }

    /// <summary>As <see cref="Sum(int, double[], int, int)"/>, each value first scaled by its own factor.</summary>
    public double Sum(int c, double[] values, double[] scale, int offset, int stride)
    {
        var sum = 0.0;
        for (var t = _start[c]; t < _start[c + 1]; t++)
        {
            var n = offset + _fine[t] * stride;
            sum += _weight[t] * scale[n] * values[n];
        }
        return sum;
    }
}
