#version 450
// Interpolation of the coarse correction, x_f += s_f·Σ_c w(f, c)·x_c over the (up to 8) coarse cells fine cell f
// reads; s_f normalises over the coarse cells that are unknowns (the others hold 0). CPU reference:
// MultigridKernels.ProlongAdd.
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer FineScale { float fineScale[]; };
layout(std430, set = 0, binding = 1) readonly buffer CoarseX { float coarseX[]; };
layout(std430, set = 0, binding = 2) buffer FineX { float fineX[]; };
#include "interpolation.glsl"

float coarseAt(int x, int y, int z) {
    return coarseX[(z * params.coarse.y + y) * params.coarse.x + x];
}

void main() {
    int f = int(globalIndex());
    ivec3 n = params.fine.xyz;
    if (f >= n.x * n.y * n.z || fineScale[f] == 0.0) {
        return;
    }
    Parents ax = parentsOf(f % n.x, 0);
    Parents ay = parentsOf((f / n.x) % n.y, 1);
    Parents az = parentsOf(f / (n.x * n.y), 2);
    float lowZ = ay.wp * (ax.wp * coarseAt(ax.p, ay.p, az.p) + ax.wq * coarseAt(ax.q, ay.p, az.p))
               + ay.wq * (ax.wp * coarseAt(ax.p, ay.q, az.p) + ax.wq * coarseAt(ax.q, ay.q, az.p));
    float highZ = ay.wp * (ax.wp * coarseAt(ax.p, ay.p, az.q) + ax.wq * coarseAt(ax.q, ay.p, az.q))
                + ay.wq * (ax.wp * coarseAt(ax.p, ay.q, az.q) + ax.wq * coarseAt(ax.q, ay.q, az.q));
    fineX[f] += fineScale[f] * (az.wp * lowZ + az.wq * highZ);
}
