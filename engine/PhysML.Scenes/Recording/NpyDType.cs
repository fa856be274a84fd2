namespace PhysML.Scenes.Recording;

/// <summary>The element type of dumped fields: <c>&lt;f4</c> or <c>&lt;f8</c>.</summary>
public enum NpyDType
{
    Float64,
    Float32,
}
