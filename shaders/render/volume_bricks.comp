#version 450
// Empty-space skipping for volume.comp: for each brick of BRICK³ cells, the largest density and solid-mask value that
// trilinear samples taken inside the brick can read (the brick's cells plus a one-cell margin). A view ray crossing a
// brick with no smoke and no solid jumps to the brick's far side instead of stepping through it: smoke usually fills
// a small part of the domain, so most of the march is skipped.
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) writeonly buffer Bricks { vec2 bricks[]; }; // (max density, max solid)
layout(std430, set = 0, binding = 1) readonly buffer Density { float density[]; };
layout(std430, set = 0, binding = 2) readonly buffer Solid { float solid[]; };

layout(push_constant) uniform Push
{
    ivec4 size;   // nx, ny, nz, hasSolid
    uint rowLength;
} pc;

#define N pc.size.xyz
#include "volume_common.glsl"

void main()
{
    uint id = gl_GlobalInvocationID.y * pc.rowLength + gl_GlobalInvocationID.x;
    ivec3 counts = brick_counts();
    if (id >= uint(counts.x * counts.y * counts.z)) return;
    ivec3 b = ivec3(int(id) % counts.x, (int(id) / counts.x) % counts.y, int(id) / (counts.x * counts.y));
    ivec3 lo = max(b * BRICK - 1, ivec3(0));
    ivec3 hi = min(b * BRICK + BRICK, N - 1);
    float maxDensity = 0.0;
    float maxSolid = 0.0;
    for (int k = lo.z; k <= hi.z; k++)
        for (int j = lo.y; j <= hi.y; j++)
            for (int i = lo.x; i <= hi.x; i++)
            {
                int c = cell_index(ivec3(i, j, k));
                maxDensity = max(maxDensity, density[c]);
                if (pc.size.w != 0) maxSolid = max(maxSolid, solid[c]);
            }
    bricks[id] = vec2(maxDensity, maxSolid);
}
