#version 450
// hud_blend: composites the viewer's HUD over the viewport picture, in place: frame <- hud + frame·(1 − hud.a),
// Porter–Duff "source over" with a premultiplied source (SkiaSharp draws the HUD premultiplied, so no divide).
// Both buffers are width·height packed RGBA8 pixels, R in the lowest byte, top row first (the renderer's contract).
// Named hud_blend, not composite: the renderer's own overlay composite kernel is a separate shader.

layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) buffer Frame { uint frame[]; };
layout(std430, set = 0, binding = 1) readonly buffer Hud { uint hud[]; };

layout(push_constant) uniform Params {
    uint pixels;        // width·height
    uint groupsPerRow;  // workgroups along x of the dispatch grid (it wraps into rows past maxComputeWorkGroupCount[0])
} params;

void main() {
    uint i = (gl_WorkGroupID.y * params.groupsPerRow + gl_WorkGroupID.x) * 256u + gl_LocalInvocationID.x;
    if (i >= params.pixels) {
        return;
    }
    uint h = hud[i];
    uint alpha = h >> 24;
    // Fully transparent HUD pixels (most of the screen) leave the frame alone; opaque ones replace it.
    if (alpha == 0u) {
        return;
    }
    vec4 source = unpackUnorm4x8(h);
    vec4 destination = unpackUnorm4x8(frame[i]);
    vec3 rgb = source.rgb + destination.rgb * (1.0 - source.a);
    frame[i] = packUnorm4x8(vec4(rgb, 1.0));
}
