using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>
/// Warnings systems raise while a run goes on (a fallback taken, a setting ignored), as a resource: the run prints
/// them once and writes them to summary.json and the report. Each distinct message is kept once.
/// </summary>
public sealed partial class RunWarnings : ICheckpointable
{
    private readonly List<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages;

    public void Add(string message)
    {
        if (!_messages.Contains(message)) _messages.Add(message);
    }
}
