#version 450
// Light transmittance of every cell toward a directional light: T = exp(−∫ σ ds) along the ray from the cell centre to
// the volume's edge, σ = extinction · density (Beer–Lambert), with solid cells opaque, so obstacles cast shadows on the
// smoke. Precomputed once per frame (cells · steps) instead of a shadow ray per view sample (pixels · steps²).
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) writeonly buffer Light { float lightT[]; };
layout(std430, set = 0, binding = 1) readonly buffer Density { float density[]; };
layout(std430, set = 0, binding = 2) readonly buffer Solid { float solid[]; };

layout(push_constant) uniform Push
{
    ivec4 size;       // nx, ny, nz, hasSolid
    vec4 toLight;     // xyz: unit vector toward the light; w: extinction per cell length at density 1
    uint rowLength;   // invocations per row of the workgroup grid
} pc;

#define N pc.size.xyz
#include "volume_common.glsl"
DEFINE_TRILINEAR(density_at, density)
DEFINE_TRILINEAR(solid_at, solid)

void main()
{
    uint id = gl_GlobalInvocationID.y * pc.rowLength + gl_GlobalInvocationID.x;
    uint count = uint(N.x * N.y * N.z);
    if (id >= count) return;
    ivec3 c = ivec3(int(id) % N.x, (int(id) / N.x) % N.y, int(id) / (N.x * N.y));
    vec3 p = vec3(c) + 0.5;
    vec3 dir = pc.toLight.xyz;
    float tau = 0.0;
    // Step one cell: the density is resolved at the cell size, so a finer step adds cost, not detail.
    float exitT = box_hit(p, dir).y;
    for (float t = 0.5; t < exitT; t += 1.0)
    {
        vec3 q = p + t * dir;
        if (pc.size.w != 0 && solid_at(q) > 0.5) { tau = 1e30; break; }
        tau += pc.toLight.w * max(density_at(q), 0.0);
        if (tau > 20.0) break; // exp(−20) ≈ 2e−9: black already
    }
    lightT[id] = exp(-tau);
}
