namespace PhysML.Cli;

/// <summary>Where a verb writes, and whether a person is watching (progress bars) or a script (plain lines).</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive);
