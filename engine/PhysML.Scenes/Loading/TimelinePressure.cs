namespace PhysML.Scenes.Loading;

/// <summary>A timeline switch of the pressure solve: the preconditioner (<c>none</c>, <c>jacobi</c>, <c>mic0</c>,
/// <c>multigrid</c>) and/or the backend (<c>cpu</c>, <c>vulkan</c>, <c>auto</c>: as <c>physml run --backend</c>).
/// At least one of the two.</summary>
public sealed record TimelinePressure
{
    public string? Preconditioner { get; init; }

    public string? Backend { get; init; }
}
