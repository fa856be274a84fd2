#version 450
// Ap = A·p fused with the partial sums of p·Ap, one per workgroup (reduce_scalars.comp finishes the sum): CG reads p
// once for both.
layout(local_size_x = 256) in;
#include "index.glsl"
#define STENCIL_INPUT p
layout(std430, set = 0, binding = 4) readonly buffer P { float p[]; };
layout(std430, set = 0, binding = 5) writeonly buffer Ap { float ap[]; };
layout(std430, set = 0, binding = 6) writeonly buffer Partials { float partials[]; };
#include "stencil.glsl"
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uvec3 n; } params;

void main() {
    uint c = globalIndex();
    float product = 0.0;
    // No early return: every invocation takes part in the reduction.
    if (c < params.n.x * params.n.y * params.n.z) {
        float value = applyStencil(c, params.n);
        ap[c] = value;
        product = p[c] * value;
    }
    float total = workgroupSum(product);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
}
