namespace PhysML.Scenes.Loading;

/// <summary>One problem in a scene file: where (file, line:column, JSON path), which error code, and what is wrong.</summary>
public sealed record SceneDiagnostic(string File, SourcePosition? Position, string JsonPath, string Code, string Message)
{
    public override string ToString() =>
        $"{File}:{Position?.ToString() ?? "1:1"}: error {Code}: {JsonPath}: {Message}";
}
