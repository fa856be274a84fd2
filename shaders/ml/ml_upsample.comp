#version 450
// (Bi/tri)linear upsampling by an integer factor per axis (fz = 1 in 2D) with torch's interpolate semantics for
// align_corners = false: source coordinate (i + 0.5)/f − 0.5, clamped at 0 below, the upper neighbour clamped to the
// last cell. flags: 1 = add to what the output holds. One invocation per (channel, fine cell).
// CPU reference: torch.nn.functional.interpolate(mode: bilinear/trilinear, align_corners: false).
layout(local_size_x = 256) in;
#include "../solvers/index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer Coarse { float coarse[]; };
layout(std430, set = 0, binding = 1) buffer Fine { float fine[]; };
layout(push_constant) uniform Params { uint mx, my, mz, channels, factor, factorZ, flags; } params;

struct Neighbours { uint low; uint high; float wLow; float wHigh; };

Neighbours sourceOf(uint i, uint factor, uint size) {
    float source = max((float(i) + 0.5) / float(factor) - 0.5, 0.0);
    uint low = uint(source);
    Neighbours n;
    n.low = low;
    n.high = low + (low + 1u < size ? 1u : 0u);
    n.wHigh = source - float(low);
    n.wLow = 1.0 - n.wHigh;
    return n;
}

void main() {
    uint i = globalIndex();
    uint nx = params.mx * params.factor, ny = params.my * params.factor, nz = params.mz * params.factorZ;
    uint fineCells = nx * ny * nz;
    if (i >= fineCells * params.channels) {
        return;
    }
    uint channel = i / fineCells;
    uint f = i % fineCells;
    Neighbours ax = sourceOf(f % nx, params.factor, params.mx);
    Neighbours ay = sourceOf((f / nx) % ny, params.factor, params.my);
    Neighbours az = sourceOf(f / (nx * ny), params.factorZ, params.mz);
    uint base = channel * params.mx * params.my * params.mz;
    uint lowZ = base + az.low * params.my * params.mx, highZ = base + az.high * params.my * params.mx;
    float low = ay.wLow * (ax.wLow * coarse[lowZ + ay.low * params.mx + ax.low] + ax.wHigh * coarse[lowZ + ay.low * params.mx + ax.high])
              + ay.wHigh * (ax.wLow * coarse[lowZ + ay.high * params.mx + ax.low] + ax.wHigh * coarse[lowZ + ay.high * params.mx + ax.high]);
    float high = ay.wLow * (ax.wLow * coarse[highZ + ay.low * params.mx + ax.low] + ax.wHigh * coarse[highZ + ay.low * params.mx + ax.high])
               + ay.wHigh * (ax.wLow * coarse[highZ + ay.high * params.mx + ax.low] + ax.wHigh * coarse[highZ + ay.high * params.mx + ax.high]);
    float value = az.wLow * low + az.wHigh * high;
    fine[i] = (params.flags & 1u) != 0u ? fine[i] + value : value;
}
