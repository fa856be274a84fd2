// Cell-centred linear interpolation between a fine multigrid level and the next coarser one, one axis at a time
// (CPU reference and the reasoning: engine/PhysML.Solvers/Multigrid/InterpolationAxis.cs). Fine cell f reads ¾ of
// its parent p = f/2 and ¼ of the neighbour q it leans to; q wraps on a periodic axis and falls back to p at a wall.
layout(push_constant) uniform Params {
    ivec4 fine;      // nx, ny, nz, unused
    ivec4 coarse;    // nx, ny, nz, unused
    ivec4 ratio;     // cells per coarse cell along x, y, z (1 or 2); w: periodic bits (1 x, 2 y, 4 z)
    float scale;     // restriction scale 4 / (rx·ry·rz)
} params;

struct Parents { int p; int q; float wp; float wq; };

Parents parentsOf(int f, int axis) {
    int coarseCount = params.coarse[axis];
    if (params.ratio[axis] == 1) {
        return Parents(f, f, 1.0, 0.0);
    }
    int p = f / 2;
    int q = (f & 1) == 1 ? p + 1 : p - 1;
    if ((params.ratio.w & (1 << axis)) != 0) {
        q = (q + coarseCount) % coarseCount;
    } else if (q < 0 || q >= coarseCount) {
        return Parents(p, p, 1.0, 0.0);
    }
    return Parents(p, q, 0.75, 0.25);
}

float weightOf(int f, int c, int axis) {
    Parents a = parentsOf(f, axis);
    return (a.p == c ? a.wp : 0.0) + (a.q == c ? a.wq : 0.0);
}
