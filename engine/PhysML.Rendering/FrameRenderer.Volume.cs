using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Scenes.Recording;

namespace PhysML.Rendering;

public sealed partial class FrameRenderer
{
    /// <summary>Toward the light, in the domain's axes (y up): high, from the front right, so the camera's default side
    /// is lit and shadows fall down and back.</summary>
    private static readonly Vector3D ToLight = new Vector3D(0.45, 1.0, 0.35).Normalized();

    /// <summary>Light reaching fully shadowed places, as a fraction of direct light: enough to see shapes in shadow.</summary>
    private const double Ambient = 0.3;

    /// <summary>Ray-march step in cells: half a cell, the Nyquist step for data resolved at the cell size.</summary>
    private const double MarchStep = 0.5;

    private RenderedFrame Render3D(RenderSnapshot snapshot, FieldSnapshot field, RenderView view, RenderTarget target,
        Colormap colormap, ValueRange range, GpuBuffer lut)
    {
        var (nx, ny, nz) = field.Size;
        var cells = nx * ny * nz;
        var isDensity = field.Name == RenderSnapshot.DensityFieldName;
        var density = (view.Overlays & RenderOverlays.Smoke) != 0 && snapshot.Find(RenderSnapshot.DensityFieldName) is { } d && d.HasShape(field.Shape) ? d : null;
        var solid = (view.Overlays & RenderOverlays.Obstacles) != 0 && snapshot.Solid is { } s && s.HasShape(field.Shape) ? s : null;
        // The displayed field goes on the slice plane; density alone is shown as the volume itself.
        var slice = view.Slice.Axis != SliceAxis.None ? view.Slice
            : isDensity && density is not null ? SlicePlane.None : new SlicePlane(SliceAxis.Z, 0.5);

        var sliceBuffer = _field.Upload(field.Values);
        var densityBuffer = density is null ? sliceBuffer : isDensity ? sliceBuffer : _density.Upload(density.Values);
        var solidBuffer = solid is null ? _none : _solid.Upload(solid.Values);
        var light = _light.Ensure((long)cells * sizeof(float));
        // volume_bricks.comp's BRICK: 4 cells a side.
        var brickCount = ((nx + 3) / 4) * ((ny + 3) / 4) * ((nz + 3) / 4);
        var bricks = _bricks.Ensure((long)brickCount * 2 * sizeof(float));
        var brickGroups = WorkgroupGrid.For(brickCount, 64, _context.MaxWorkgroupsX);
        var bricksPush = new VolumeBricksPush { Nx = nx, Ny = ny, Nz = nz, HasSolid = solid is null ? 0 : 1, RowLength = brickGroups.X * 64 };

        // Density at the top of the range (the displayed one when density is shown, else the snapshot's maximum) has
        // the view's optical depth per cell.
        var densityTop = isDensity ? range.Max : density?.Max ?? 0;
        var extinction = density is null || !(densityTop > 0) ? 0 : view.SmokeOpacity / densityTop;

        var camera = view.Camera.FrameFor(nx, ny, nz);
        var layerGroups = new WorkgroupGrid((uint)(nx * nz + 255) / 256, 1);
        var lightPush = new VolumeLightPush
        {
            Nx = nx, Ny = ny, Nz = nz, HasSolid = solid is null ? 0 : 1,
            ToLightX = (float)ToLight.X, ToLightY = (float)ToLight.Y, ToLightZ = (float)ToLight.Z,
            Extinction = (float)extinction,
        };
        var sliceAxis = slice.Axis switch { SliceAxis.X => 0, SliceAxis.Y => 1, SliceAxis.Z => 2, _ => -1 };
        var axisCells = sliceAxis switch { 0 => nx, 1 => ny, 2 => nz, _ => 0 };
        var push = new VolumePush
        {
            Width = target.Width, Height = target.Height, Nx = nx, Ny = ny,
            Nz = nz,
            Flags = (solid is null ? 0 : 1) | (density is null ? 0 : 2) | (sliceAxis < 0 ? 0 : 4),
            SliceAxis = Math.Max(sliceAxis, 0),
            EyeX = (float)camera.Eye.X, EyeY = (float)camera.Eye.Y, EyeZ = (float)camera.Eye.Z, TanHalfFov = (float)camera.TanHalfFov,
            ForwardX = (float)camera.Forward.X, ForwardY = (float)camera.Forward.Y, ForwardZ = (float)camera.Forward.Z,
            Aspect = target.Width / (float)target.Height,
            RightX = (float)camera.Right.X, RightY = (float)camera.Right.Y, RightZ = (float)camera.Right.Z,
            SliceCoordinate = (float)(Math.Clamp(slice.Position, 0, 1) * axisCells),
            UpX = (float)camera.Up.X, UpY = (float)camera.Up.Y, UpZ = (float)camera.Up.Z,
            Extinction = (float)extinction,
            SliceMin = (float)range.Min, SliceMax = (float)range.Max, Step = (float)MarchStep, Ambient = (float)Ambient,
            ToLightX = (float)ToLight.X, ToLightY = (float)ToLight.Y, ToLightZ = (float)ToLight.Z,
        };
        using var bricksBinding = _volumeBricks.Bind(bricks, densityBuffer, solidBuffer);
        using var lightBinding = _volumeLight.Bind(light, densityBuffer, solidBuffer);
        using var viewBinding = _volume.Bind(target.Pixels, densityBuffer, light, solidBuffer, sliceBuffer, lut, bricks);
        Submit(r =>
        {
            r.Dispatch(bricksBinding, bricksPush, brickGroups);
            // Top down, one y layer per dispatch: each reads the layer above, which the barrier after every dispatch
            // makes visible.
            for (var layer = ny - 1; layer >= 0; layer--) r.Dispatch(lightBinding, lightPush with { Layer = layer }, layerGroups);
            r.Dispatch(viewBinding, push, PixelGroups(target));
        });
        return new RenderedFrame(field.Name, colormap.Name, range, Volume: density is not null);
    }
}
