#version 450
// One damped-Jacobi sweep of a multigrid level in one pass: next = x + ω·D⁻¹·(b − A·x). x is read around each cell,
// so the result goes to another buffer (the recorder ping-pongs). D⁻¹ is 0 on cells that are not unknowns, which
// keeps them at 0. CPU reference: MultigridKernels.SmoothFused.
layout(local_size_x = 256) in;
#include "index.glsl"
#define STENCIL_INPUT x
layout(std430, set = 0, binding = 4) readonly buffer InverseDiagonal { float inverseDiagonal[]; };
layout(std430, set = 0, binding = 5) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 6) readonly buffer X { float x[]; };
layout(std430, set = 0, binding = 7) writeonly buffer Next { float next[]; };
#include "stencil.glsl"
layout(push_constant) uniform Params { uvec3 n; float omega; } params;

void main() {
    uint c = globalIndex();
    if (c >= params.n.x * params.n.y * params.n.z) {
        return;
    }
    next[c] = fma(params.omega * inverseDiagonal[c], b[c] - applyStencil(c, params.n), x[c]);
}
