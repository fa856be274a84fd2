#version 450
// Second pass of DCDM's paired dot products (partials[0, count) and partials[count, 2·count)), in a fixed order as
// reduce_scalars.comp, then by mode:
//   COEFFICIENTS: c_k = q·(A d_k) / (d_k·A d_k), 0 for an empty slot (curvature 0) and once the solve is done;
//   STEP:         α = d·r / d·Ad for the new direction in `slot`, stored as its curvature; a direction without
//                 descent (d·Ad ≤ 0) stops the solve with done = 2, a non-finite one (a diverged network) with 4,
//                 leaving α = 0 so x keeps its last good value.
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) readonly buffer Partials { float partials[]; };
#define SCALARS_BINDING 1
#define SCALARS_QUALIFIER
#include "scalars.glsl"
#define DCDM_STATE_BINDING 2
#define DCDM_STATE_QUALIFIER
#include "dcdm_state.glsl"
#include "workgroup_sum.glsl"

const uint COEFFICIENTS = 0u;
const uint STEP = 1u;
layout(push_constant) uniform Params { uint count; uint mode; uint slot; } params;

void main() {
    float first = 0.0, second = 0.0;
    for (uint i = gl_LocalInvocationIndex; i < params.count; i += 256u) {
        first += partials[i];
        second += partials[params.count + i];
    }
    float totalFirst = workgroupSum(first);
    barrier();
    float totalSecond = workgroupSum(second);
    if (gl_LocalInvocationIndex != 0u) {
        return;
    }
    if (params.mode == COEFFICIENTS) {
        coefficient[0] = done == 0u && curvature[0] > 0.0 ? totalFirst / curvature[0] : 0.0;
        coefficient[1] = done == 0u && curvature[1] > 0.0 ? totalSecond / curvature[1] : 0.0;
    } else if (params.mode == STEP) {
        pAp = totalFirst;
        qr = totalSecond;
        alpha = 0.0;
        if (done == 0u) {
            if (isnan(totalFirst) || isinf(totalFirst) || isnan(totalSecond) || isinf(totalSecond)) {
                done = 4u;
            } else if (!(totalFirst > 0.0)) {
                done = 2u;
            } else {
                alpha = totalSecond / totalFirst;
                curvature[params.slot] = totalFirst;
            }
        }
    }
}
