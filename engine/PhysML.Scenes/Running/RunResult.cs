namespace PhysML.Scenes.Running;

/// <summary>The outcome of a run: the summary as written and the directory holding the outputs.</summary>
public sealed record RunResult(RunSummary Summary, string OutputDirectory);
