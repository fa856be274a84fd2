using PhysML.Core.Ecs;
using PhysML.Solvers;

namespace PhysML.Fluids;

/// <summary>
/// What other plugins add to the fluid plugin (a resource): force fields applied in every substep (2D domains run the
/// <see cref="IFluidForce2D"/> ones, 3D domains the <see cref="IFluidForce3D"/> ones), and pressure preconditioners a
/// scene picks by name with <c>fluidDomain.customPreconditioner</c> (2D and 3D alike: a preconditioner sees the
/// pressure operator through <see cref="IPoissonStencil"/>, whatever its dimension). A plugin registers them in its
/// <c>Build</c> through <see cref="Of"/>, before or after the fluid plugin is added; the fluid plugin reads them at
/// Startup (preconditioners) and every step (forces).
/// </summary>
public sealed class FluidExtensions
{
    private readonly List<IFluidForce2D> _forces = new();
    private readonly List<IFluidForce3D> _forces3D = new();
    private readonly SortedDictionary<string, Func<IPoissonStencil, IPreconditioner>> _preconditioners = new(StringComparer.Ordinal);

    /// <summary>The world's extensions, created on first use.</summary>
    public static FluidExtensions Of(World world)
    {
        if (!world.HasResource<FluidExtensions>()) world.SetResource(new FluidExtensions());
        return world.Resource<FluidExtensions>();
    }

    public IReadOnlyList<IFluidForce2D> Forces => _forces;

    public FluidExtensions AddForce(IFluidForce2D force)
    {
        _forces.Add(force);
        return this;
    }

    public IReadOnlyList<IFluidForce3D> Forces3D => _forces3D;

    public FluidExtensions AddForce(IFluidForce3D force)
    {
        _forces3D.Add(force);
        return this;
    }

    /// <summary>Registers a preconditioner under <paramref name="name"/>: <paramref name="factory"/> builds it for a
    /// pressure operator, again whenever the operator's stencil changes (moving obstacles).</summary>
    public FluidExtensions AddPreconditioner(string name, Func<IPoissonStencil, IPreconditioner> factory)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a preconditioner needs a name", nameof(name));
        if (!_preconditioners.TryAdd(name, factory))
            throw new InvalidOperationException($"a pressure preconditioner named '{name}' is already registered");
        return this;
    }

    public IReadOnlyCollection<string> PreconditionerNames => _preconditioners.Keys;

    public bool TryGetPreconditioner(string name, out Func<IPoissonStencil, IPreconditioner> factory) =>
        _preconditioners.TryGetValue(name, out factory!);
}
