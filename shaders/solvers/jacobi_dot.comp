#version 450
// Jacobi preconditioner z = D⁻¹r fused with the partial sums of r·z.
layout(local_size_x = 256) in;
#include "index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer InverseDiagonal { float inverseDiagonal[]; };
layout(std430, set = 0, binding = 1) readonly buffer R { float r[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Z { float z[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Partials { float partials[]; };
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uint n; } params;

void main() {
    uint i = globalIndex();
    float product = 0.0;
    if (i < params.n) {
        float value = inverseDiagonal[i] * r[i];
        z[i] = value;
        product = r[i] * value;
    }
    float total = workgroupSum(product);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
}
