namespace PhysML.Scenes.Loading;

/// <summary>A timeline screenshot: the frame's picture as <c>screenshots/NAME.png</c> (default
/// <c>frame-NNNNNN</c>). NAME: letters, digits, '.', '_' and '-'.</summary>
public sealed record TimelineScreenshot
{
    public string? Name { get; init; }
}
