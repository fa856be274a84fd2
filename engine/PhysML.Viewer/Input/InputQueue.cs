namespace PhysML.Viewer.Input;

/// <summary>
/// Events from GLFW's callbacks, queued in arrival order and drained by the viewer's main thread once per frame.
/// Tests enqueue events directly to drive the viewer exactly as key presses would.
/// </summary>
/// <remarks>
/// GLFW calls back from inside glfwPollEvents on the main thread, but tests and tools may post from others, so the
/// queue locks; a frame drains a few events, so the lock is never contended for long.
/// </remarks>
public sealed class InputQueue
{
    private readonly Queue<InputEvent> _events = new();
    private readonly Lock _lock = new();

    public void Enqueue(InputEvent input)
    {
        lock (_lock)
        {
            _events.Enqueue(input);
        }
    }

    /// <summary>Takes every queued event, oldest first.</summary>
    public IReadOnlyList<InputEvent> Drain()
    {
        lock (_lock)
        {
            if (_events.Count == 0)
            {
                return [];
            }

            InputEvent[] drained = _events.ToArray();
            _events.Clear();
            return drained;
        }
    }
}
