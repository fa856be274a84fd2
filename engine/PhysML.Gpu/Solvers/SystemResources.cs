using PhysML.Solvers;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// What a Vulkan solver uploads and records for one operator: kept while the same <see cref="IPoissonStencil"/> at the
/// same <see cref="IPoissonStencil.Version"/> comes back (warm solves reuse it), rebuilt when either changes, and
/// released together, newest first. A build that throws leaves nothing behind.
/// </summary>
internal sealed class SystemResources<TBuffers> where TBuffers : class
{
    private readonly List<IDisposable> _owned = new();
    private IPoissonStencil? _builtFor;
    private int _builtVersion = -1;
    private TBuffers? _current;

    /// <summary>The buffers for <paramref name="a"/>: the current ones, or those <paramref name="build"/> makes (it
    /// registers what it creates with <see cref="Keep{T}"/>).</summary>
    public TBuffers For(IPoissonStencil a, Func<IPoissonStencil, TBuffers> build)
    {
        if (_current is not null && ReferenceEquals(_builtFor, a) && _builtVersion == a.Version) return _current;
        Release();
        try
        {
            _current = build(a);
            (_builtFor, _builtVersion) = (a, a.Version);
            return _current;
        }
        catch
        {
            Release();
            throw;
        }
    }

    public T Keep<T>(T resource) where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    public void Release()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
        _current = null;
        _builtFor = null;
        _builtVersion = -1;
    }
}
