#version 450
// One damped-Jacobi update of a multigrid level, x += ω·D⁻¹·r (r from stencil_residual.comp). D⁻¹ is 0 on cells
// that are not unknowns, which keeps them at 0. CPU reference: MultigridKernels.Smooth.
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer InverseDiagonal { float inverseDiagonal[]; };
layout(std430, set = 0, binding = 1) readonly buffer R { float r[]; };
layout(std430, set = 0, binding = 2) buffer X { float x[]; };
layout(push_constant) uniform Params { uint n; float omega; } params;

void main() {
    uint i = globalIndex();
    if (i >= params.n) {
        return;
    }
    x[i] = fma(params.omega * inverseDiagonal[i], r[i], x[i]);
}
