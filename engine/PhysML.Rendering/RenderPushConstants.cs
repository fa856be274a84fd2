using System.Runtime.InteropServices;

namespace PhysML.Rendering;

// The push_constant blocks of shaders/render/*.comp, field for field (std430: scalars packed, vec4/ivec4 16-aligned).

[StructLayout(LayoutKind.Sequential)]
internal struct Field2DPush
{
    public int Width, Height, Nx, Ny;
    public float MinValue, MaxValue;
    public int HasSolid, GlyphCells;
    public float GlyphScale, AspectX;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VolumeLightPush
{
    public int Nx, Ny, Nz, HasSolid;
    public float ToLightX, ToLightY, ToLightZ, Extinction;
    public int Layer;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VolumePush
{
    public int Width, Height, Nx, Ny;
    public int Nz, Flags, SliceAxis, Unused;
    public float EyeX, EyeY, EyeZ, TanHalfFov;
    public float ForwardX, ForwardY, ForwardZ, Aspect;
    public float RightX, RightY, RightZ, SliceCoordinate;
    public float UpX, UpY, UpZ, Extinction;
    public float SliceMin, SliceMax, Step, Ambient;
    public float ToLightX, ToLightY, ToLightZ, Unused2;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CompositePush
{
    public uint Count, RowLength;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VolumeBricksPush
{
    public int Nx, Ny, Nz, HasSolid;
    public uint RowLength;
}
