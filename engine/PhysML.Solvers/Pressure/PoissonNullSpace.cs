namespace PhysML.Solvers.Pressure;

/// <summary>
/// The pressure projection's handling of floating regions and warm starts, shared by the 2D and 3D projections.
/// Keeps its workspace; one instance per projection.
/// </summary>
internal sealed class PoissonNullSpace
{
    private double[] _regionSum = Array.Empty<double>();
    private int[] _regionCount = Array.Empty<int>();
    private double[] _residual = Array.Empty<double>();

    /// <summary>
    /// On a floating region the rows of A sum to zero, so A's range is orthogonal to the region's constant vector:
    /// A φ = b is solvable only when b sums to zero over the region. For a divergence computed from consistent boundary
    /// faces that holds up to rounding (Gauss: the net flux through a closed boundary is 0), but inflow through a closed
    /// box, or rounding, breaks it, and CG then stalls at the incompatible part. Removing each floating region's mean
    /// solves the nearest compatible system (least squares). Applied to φ it pins the free constant to 0.
    /// </summary>
    public void RemoveRegionMeans(IPoissonStencil a, Span<double> values)
    {
        var regions = a.RegionCount;
        if (_regionSum.Length < regions)
        {
            _regionSum = new double[regions];
            _regionCount = new int[regions];
        }
        Array.Clear(_regionSum, 0, regions);
        Array.Clear(_regionCount, 0, regions);
        for (var n = 0; n < values.Length; n++)
        {
            var r = a.RegionOf(n);
            if (r < 0) continue;
            _regionSum[r] += values[n];
            _regionCount[r]++;
        }
        for (var r = 0; r < regions; r++)
            if (a.IsFloating(r)) _regionSum[r] /= _regionCount[r];
        for (var n = 0; n < values.Length; n++)
        {
            var r = a.RegionOf(n);
            if (r >= 0 && a.IsFloating(r)) values[n] -= _regionSum[r];
        }
    }

    /// <summary>
    /// CG's tolerance is relative to ‖b‖. When last frame's φ is a worse guess than 0 (‖b − Aφ‖ > ‖b‖), e.g. when an
    /// already projected field is projected again and b is tiny, CG would have to cut the residual by many more orders
    /// than the tolerance asks, possibly below rounding, and never converge. Starting from 0 then costs one Apply.
    /// </summary>
    public void DiscardAWorseThanZeroWarmStart(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> phi)
    {
        if (_residual.Length != b.Length) _residual = new double[b.Length];
        a.Apply(phi, _residual);
        for (var n = 0; n < _residual.Length; n++) _residual[n] = b[n] - _residual[n];
        if (VectorOps.Dot(_residual, _residual) > VectorOps.Dot(b, b)) phi.Clear();
    }
}
