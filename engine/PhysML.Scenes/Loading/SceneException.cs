using PhysML.Core.Errors;

namespace PhysML.Scenes.Loading;

/// <summary>A scene file that cannot be used (bad input): every problem found, each with its location.</summary>
public sealed class SceneException : PhysMLException
{
    public SceneException(IReadOnlyList<SceneDiagnostic> diagnostics)
        : base(diagnostics[0].Code, ErrorCategory.BadInput, string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public SceneException(SceneDiagnostic diagnostic) : this(new[] { diagnostic }) { }

    public IReadOnlyList<SceneDiagnostic> Diagnostics { get; }

    // The diagnostics already say file:line:col and the code; the help path is per code.
    public override string ToString() =>
        Message + Environment.NewLine + $"(see docs/errors/{string.Join(", docs/errors/", Diagnostics.Select(d => d.Code).Distinct())}.md)";
}
