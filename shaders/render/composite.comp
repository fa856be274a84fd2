#version 450
// Alpha-blends an overlay (premultiplied RGBA8, as Skia rasterises it) over the target: out = src + dst·(1 − src.a).
// The legend and the viewer's HUD both go through this one pass.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) buffer Pixels { uint pixels[]; };
layout(std430, set = 0, binding = 1) readonly buffer Overlay { uint overlay[]; };

#define LUT(i) 0u
#include "render_common.glsl"

layout(push_constant) uniform Push { uint count; uint rowLength; } pc;

void main()
{
    uint i = gl_GlobalInvocationID.y * pc.rowLength + gl_GlobalInvocationID.x;
    if (i >= pc.count) return;
    uint o = overlay[i];
    if ((o >> 24) == 0u) return; // fully transparent: most of the frame
    vec4 src = unpack_rgba(o);
    vec4 dst = unpack_rgba(pixels[i]);
    pixels[i] = pack_rgba(vec4(src.rgb + dst.rgb * (1.0 - src.a), 1.0));
}
