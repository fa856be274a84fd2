#version 450
// r = b - A·x: the initial residual of CG and the residual of every multigrid level.
layout(local_size_x = 256) in;
#include "index.glsl"
#define STENCIL_INPUT x
layout(std430, set = 0, binding = 4) readonly buffer X { float x[]; };
layout(std430, set = 0, binding = 5) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 6) writeonly buffer R { float r[]; };
#include "stencil.glsl"
layout(push_constant) uniform Params { uvec3 n; } params;

void main() {
    uint c = globalIndex();
    if (c >= params.n.x * params.n.y * params.n.z) {
        return;
    }
    r[c] = b[c] - applyStencil(c, params.n);
}
