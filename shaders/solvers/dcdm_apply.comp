#version 450
// Aq = A·q fused with the partial sums of q·(A d₀) and q·(A d₁) against the two directions in the ring (the
// numerators of the A-orthogonalisation coefficients), one pair per workgroup: partials[g] and partials[groups + g].
layout(local_size_x = 256) in;
#include "index.glsl"
#define STENCIL_INPUT q
layout(std430, set = 0, binding = 4) readonly buffer Q { float q[]; };
layout(std430, set = 0, binding = 5) writeonly buffer Aq { float aq[]; };
layout(std430, set = 0, binding = 6) readonly buffer Applied0 { float applied0[]; };
layout(std430, set = 0, binding = 7) readonly buffer Applied1 { float applied1[]; };
layout(std430, set = 0, binding = 8) writeonly buffer Partials { float partials[]; };
#include "stencil.glsl"
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uvec3 n; } params;

void main() {
    uint c = globalIndex();
    float first = 0.0, second = 0.0;
    if (c < params.n.x * params.n.y * params.n.z) {
        aq[c] = applyStencil(c, params.n);
        first = q[c] * applied0[c];
        second = q[c] * applied1[c];
    }
    float total = workgroupSum(first);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
    // workgroupSum reuses its shared slots: invocation 0 must have read them before they are written again.
    barrier();
    total = workgroupSum(second);
    if (gl_LocalInvocationIndex == 0u) {
        partials[gl_NumWorkGroups.x * gl_NumWorkGroups.y + workgroupIndex()] = total;
    }
}
