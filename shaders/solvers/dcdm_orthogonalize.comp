#version 450
// The new direction made A-orthogonal to the two in the ring, written over the older one (slot): d = q − Σ c_k d_k,
// A·d = Aq − Σ c_k A d_k (A is linear, so no second operator application), fused with the partial sums of d·Ad and
// d·r (the line search's denominator and numerator) in partials[g] and partials[groups + g]. Each invocation reads
// d_slot[c] before writing it, so overwriting the slot in place is safe. CPU reference: DeepConjugateDirection.Solve.
layout(local_size_x = 256) in;
#include "index.glsl"
#define DCDM_STATE_BINDING 0
#define DCDM_STATE_QUALIFIER readonly
#include "dcdm_state.glsl"
layout(std430, set = 0, binding = 1) readonly buffer Q { float q[]; };
layout(std430, set = 0, binding = 2) readonly buffer Aq { float aq[]; };
layout(std430, set = 0, binding = 3) buffer Direction0 { float direction0[]; };
layout(std430, set = 0, binding = 4) buffer Direction1 { float direction1[]; };
layout(std430, set = 0, binding = 5) buffer Applied0 { float applied0[]; };
layout(std430, set = 0, binding = 6) buffer Applied1 { float applied1[]; };
layout(std430, set = 0, binding = 7) readonly buffer R { float r[]; };
layout(std430, set = 0, binding = 8) writeonly buffer Partials { float partials[]; };
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uint n; uint slot; } params;

void main() {
    uint c = globalIndex();
    float curvature = 0.0, descent = 0.0;
    if (c < params.n) {
        float d = q[c] - coefficient[0] * direction0[c] - coefficient[1] * direction1[c];
        float ad = aq[c] - coefficient[0] * applied0[c] - coefficient[1] * applied1[c];
        if (params.slot == 0u) {
            direction0[c] = d;
            applied0[c] = ad;
        } else {
            direction1[c] = d;
            applied1[c] = ad;
        }
        curvature = d * ad;
        descent = d * r[c];
    }
    float total = workgroupSum(curvature);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
    barrier();
    total = workgroupSum(descent);
    if (gl_LocalInvocationIndex == 0u) {
        partials[gl_NumWorkGroups.x * gl_NumWorkGroups.y + workgroupIndex()] = total;
    }
}
