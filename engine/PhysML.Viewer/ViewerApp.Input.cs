using PhysML.Core.Application;
using PhysML.Viewer.Input;
using PhysML.Viewer.Simulation;

namespace PhysML.Viewer;

public sealed partial class ViewerApp
{
    private bool _orbiting;
    private bool _panning;
    private (double X, double Y)? _cursor;

    /// <summary>Applies the window's queued events (or injected ones) in order.</summary>
    public void HandleInput(IReadOnlyList<InputEvent> events)
    {
        foreach (InputEvent input in events)
        {
            switch (input.Kind)
            {
                case InputEventKind.Key when input.Action != KeyAction.Release:
                    OnKey(input.Code, input.Action == KeyAction.Repeat);
                    break;
                case InputEventKind.MouseButton:
                    bool down = input.Action == KeyAction.Press;
                    if (input.Code == Keys.MouseLeft) _orbiting = down;
                    else if (input.Code is Keys.MouseRight or Keys.MouseMiddle) _panning = down;
                    break;
                case InputEventKind.CursorMove:
                    if (_cursor is { } last)
                    {
                        double dx = input.X - last.X;
                        double dy = input.Y - last.Y;
                        if (_orbiting) View = View.Orbit(dx, dy);
                        else if (_panning) View = View.Pan(dx, dy, Window.FramebufferSize.Height);
                    }

                    _cursor = (input.X, input.Y);
                    break;
                case InputEventKind.Scroll:
                    View = View.Zoom(input.Y);
                    break;
                case InputEventKind.FramebufferResize:
                    Presenter.Invalidate();
                    break;
            }
        }
    }

    private void OnKey(int key, bool repeat)
    {
        // Held keys repeat only where repeating makes sense: stepping frame by frame.
        if (repeat && key is not (Keys.N or Keys.Right)) return;
        switch (key)
        {
            case Keys.Space: Simulation.Post(SimulationCommand.TogglePause); break;
            case Keys.N or Keys.Right: Simulation.Post(SimulationCommand.Step); break;
            case Keys.R: Simulation.Post(SimulationCommand.Reset); break;
            case Keys.F or Keys.Tab: Simulation.Post(SimulationCommand.CycleField); break;
            case Keys.S: Simulation.Post(RuntimeCommand.CycleSolver); break;
            case Keys.B: Simulation.Post(RuntimeCommand.ToggleBackend); break;
            case Keys.T: Simulation.Post(RuntimeCommand.ToggleTraining); break;
            case Keys.P: _screenshotRequested = true; break;
            case Keys.V: Presenter.VSync = !Presenter.VSync; break;
            case Keys.H or Keys.F1: View = View with { ShowHelp = !View.ShowHelp }; break;
            case Keys.A: View = View with { ShowGlyphs = !View.ShowGlyphs }; break;
            case Keys.G: View = View with { ShowHud = !View.ShowHud }; break;
            case Keys.Escape: Window.RequestClose(); break;
        }
    }
}
