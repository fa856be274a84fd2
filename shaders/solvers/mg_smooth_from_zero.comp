#version 450
// The first Jacobi sweep from x = 0, whose residual is b itself: x = ω·D⁻¹·b. CPU reference:
// MultigridKernels.SmoothFromZero.
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer InverseDiagonal { float inverseDiagonal[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 2) writeonly buffer X { float x[]; };
layout(push_constant) uniform Params { uint n; float omega; } params;

void main() {
    uint i = globalIndex();
    if (i >= params.n) {
        return;
    }
    x[i] = params.omega * inverseDiagonal[i] * b[i];
}
