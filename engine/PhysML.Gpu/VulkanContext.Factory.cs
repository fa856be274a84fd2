namespace PhysML.Gpu;

public sealed partial class VulkanContext
{
    // Live children in creation order. Dispose tears down whatever the caller left alive in reverse order, before
    // the device: destroying a device with live children is a validation error and leaks driver memory.
    private readonly List<IDisposable> _owned = [];

    /// <summary>Creates a buffer after checking <paramref name="description"/> against its rules and this device's limits.</summary>
    /// <param name="description">Size, usage and memory kind; see <see cref="BufferDescription"/> for the rules.</param>
    /// <param name="name">Shown in exceptions and, later, in debuggers such as RenderDoc.</param>
    /// <exception cref="ArgumentException">A field of <paramref name="description"/> breaks a rule; the message names it.</exception>
    public GpuBuffer CreateBuffer(in BufferDescription description, string name)
    {
        ThrowIfDisposed();
        description.Validate(Limits.MaxStorageBufferRange);
        return Own(new GpuBuffer(this, description, name));
    }

    /// <summary>Creates a compute kernel from embedded SPIR-V.</summary>
    /// <exception cref="ArgumentException">A field of <paramref name="description"/> breaks a rule, or the shader is not embedded.</exception>
    public ComputeKernel CreateKernel(in ComputeKernelDescription description)
    {
        ThrowIfDisposed();
        description.Validate(Limits.MaxPushConstantsSize);
        return Own(new ComputeKernel(this, description));
    }

    /// <summary>Creates a command buffer to record once and submit many times.</summary>
    public CommandSequence CreateSequence(string name)
    {
        ThrowIfDisposed();
        return Own(new CommandSequence(this, name));
    }

    internal void Release(IDisposable child)
    {
        _owned.Remove(child);
    }

    internal T Own<T>(T child)
        where T : IDisposable
    {
        _owned.Add(child);
        return child;
    }

    private void DisposeOwnedResources()
    {
        // Reverse order: a kernel created after a buffer may refer to it.
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
