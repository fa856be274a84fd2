namespace PhysML.Scenes.Running;

/// <summary>How a run ended, as <c>summary.json</c> records it.</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
