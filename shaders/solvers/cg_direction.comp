#version 450
// The new search direction p = z + β·p, β read from the GPU scalars.
layout(local_size_x = 256) in;
#include "index.glsl"
#define SCALARS_BINDING 0
#define SCALARS_QUALIFIER readonly
#include "scalars.glsl"
layout(std430, set = 0, binding = 1) readonly buffer Z { float z[]; };
layout(std430, set = 0, binding = 2) buffer P { float p[]; };
layout(push_constant) uniform Params { uint n; } params;

void main() {
    uint i = globalIndex();
    if (i >= params.n) {
        return;
    }
    p[i] = fma(beta, p[i], z[i]);
}
