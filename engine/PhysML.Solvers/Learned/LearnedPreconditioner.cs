namespace PhysML.Solvers.Learned;

/// <summary>
/// A search-direction model used as the preconditioner of flexible PCG: z = model(r/‖r‖). The model is nonlinear and
/// not symmetric, so <see cref="ConjugateGradient"/> switches to the Polak–Ribière β for it (<see cref="IsFlexible"/>);
/// its unknown output scale cancels in α and β. Entries of cells that are not unknowns get z = r (those rows are
/// identity rows, so that is their exact inverse).
/// </summary>
public sealed class LearnedPreconditioner(ISearchDirectionModel model, IPoissonStencil a) : IPreconditioner
{
    private double[] _unit = Array.Empty<double>();

    public string Name => model.Name;

    public bool IsFlexible => true;

    /// <summary>Set when the model returned a non-finite value; the solve that used it should be discarded.</summary>
    public bool ProducedNonFinite { get; private set; }

    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        if (_unit.Length != r.Length) _unit = new double[r.Length];
        var norm = VectorOps.Norm(r);
        var scale = norm > 0 ? 1 / norm : 0;
        for (var n = 0; n < r.Length; n++) _unit[n] = r[n] * scale;
        model.Propose(a, _unit, z);
        for (var n = 0; n < r.Length; n++)
        {
            if (!a.IsUnknown(n)) z[n] = _unit[n];
            else if (!double.IsFinite(z[n])) ProducedNonFinite = true;
        }
    }
}
