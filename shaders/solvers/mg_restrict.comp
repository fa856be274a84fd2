#version 450
// Restriction b_c = scale·Σ_f w(f, c)·s_f·r_f, gathered over the fine cells that read coarse cell c (the transpose of
// mg_prolong.comp, so the V-cycle stays symmetric). CPU reference: MultigridKernels.Restrict.
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer FineScale { float fineScale[]; };
layout(std430, set = 0, binding = 1) readonly buffer FineResidual { float fineResidual[]; };
layout(std430, set = 0, binding = 2) readonly buffer CoarseInverseDiagonal { float coarseInverseDiagonal[]; };
layout(std430, set = 0, binding = 3) writeonly buffer CoarseRhs { float coarseRhs[]; };
#include "interpolation.glsl"

// The fine cells that may read coarse cell c along an axis: 2c-1 … 2c+2 (wrapped, or cut at the walls), or c itself.
int children(int c, int axis, out int cells[4]) {
    if (params.ratio[axis] == 1) {
        cells[0] = c;
        return 1;
    }
    int count = 0;
    int fineCount = params.fine[axis];
    bool periodic = (params.ratio.w & (1 << axis)) != 0;
    for (int f = 2 * c - 1; f <= 2 * c + 2; f++) {
        int wrapped = periodic ? (f + fineCount) % fineCount : f;
        if (wrapped >= 0 && wrapped < fineCount) {
            cells[count++] = wrapped;
        }
    }
    return count;
}

void main() {
    int c = int(globalIndex());
    ivec3 n = params.coarse.xyz;
    if (c >= n.x * n.y * n.z) {
        return;
    }
    if (coarseInverseDiagonal[c] == 0.0) {
        coarseRhs[c] = 0.0;
        return;
    }
    ivec3 cell = ivec3(c % n.x, (c / n.x) % n.y, c / (n.x * n.y));
    int xs[4], ys[4], zs[4];
    int countX = children(cell.x, 0, xs);
    int countY = children(cell.y, 1, ys);
    int countZ = children(cell.z, 2, zs);
    float sum = 0.0;
    for (int zi = 0; zi < countZ; zi++) {
        float wz = weightOf(zs[zi], cell.z, 2);
        for (int yi = 0; yi < countY; yi++) {
            float wyz = weightOf(ys[yi], cell.y, 1) * wz;
            int row = (zs[zi] * params.fine.y + ys[yi]) * params.fine.x;
            for (int xi = 0; xi < countX; xi++) {
                int f = row + xs[xi];
                sum += weightOf(xs[xi], cell.x, 0) * wyz * fineScale[f] * fineResidual[f];
            }
        }
    }
    coarseRhs[c] = params.scale * sum;
}
