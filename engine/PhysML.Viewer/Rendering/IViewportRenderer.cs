using PhysML.Gpu;
using PhysML.Viewer.Simulation;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer.Rendering;

/// <summary>
/// Draws the viewport picture of a snapshot into a target buffer: width×height packed RGBA8 pixels (R in the
/// lowest byte), row-major, top row first, which the viewer then overlays with its HUD and presents. The first
/// implementation colour-maps on the CPU (<see cref="ColormapViewportRenderer"/>); the GPU renderer plugs in here.
/// </summary>
public interface IViewportRenderer : IDisposable
{
    void Render(ViewerSnapshot snapshot, ViewState view, GpuBuffer target, int width, int height);
}
