#version 450
// Partial sums of a·b, one per workgroup (reduce_scalars.comp finishes the sum).
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer A { float a[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Partials { float partials[]; };
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uint n; } params;

void main() {
    uint i = globalIndex();
    float total = workgroupSum(i < params.n ? a[i] * b[i] : 0.0);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
}
