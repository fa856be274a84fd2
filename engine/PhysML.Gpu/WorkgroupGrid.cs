namespace PhysML.Gpu;

/// <summary>
/// A 2D grid of workgroups covering a 1D range of elements: one row while it fits in maxComputeWorkGroupCount[0]
/// (65535 on many devices, fewer than 256³ cells need at 256 per group), more rows otherwise. Shaders linearise the
/// workgroup id (shaders/solvers/index.glsl) and check the element bound, so the extra groups of the last row idle.
/// </summary>
public readonly record struct WorkgroupGrid(uint X, uint Y)
{
    /// <summary>Workgroups in all; a reduction writes one partial sum per workgroup.</summary>
    public int Count => checked((int)(X * Y));

    /// <summary>The grid for <paramref name="elements"/> elements in groups of <paramref name="localSize"/>.</summary>
    public static WorkgroupGrid For(int elements, uint localSize = 256, uint maxGroupsX = 65535)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elements);
        var groups = ((uint)elements + localSize - 1) / localSize;
        if (groups <= maxGroupsX) return new WorkgroupGrid(groups, 1);
        return new WorkgroupGrid(maxGroupsX, (groups + maxGroupsX - 1) / maxGroupsX);
    }
}
