#version 450
// Second pass of every dot product: one workgroup adds the per-workgroup partial sums in a fixed order (invocation t
// takes t, t + 256, ...), then updates the CG scalars by `mode`. Deterministic: no atomics, a fixed summation order.
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) readonly buffer Partials { float partials[]; };
#define SCALARS_BINDING 1
#define SCALARS_QUALIFIER
#include "scalars.glsl"
#include "workgroup_sum.glsl"

// The modes (VulkanPoissonSolver.ReduceMode mirrors them).
const uint PAP = 0u;       // α = r·z / p·Ap
const uint RR = 1u;        // count the iteration, record ‖r‖/‖b‖, stop when below tolerance
const uint RZ = 2u;        // β = r·z_new / r·z_old
const uint INIT_RR = 3u;   // the initial residual
const uint INIT_RZ = 4u;   // the initial r·z

// done: 0 running, 1 converged, 2 p·Ap ≤ 0 (A not positive definite along p), 3 iteration cap, 4 non-finite residual.
layout(push_constant) uniform Params { uint count; uint mode; } params;

void main() {
    float sum = 0.0;
    for (uint i = gl_LocalInvocationIndex; i < params.count; i += 256u) {
        sum += partials[i];
    }
    float total = workgroupSum(sum);
    if (gl_LocalInvocationIndex != 0u) {
        return;
    }
    if (params.mode == PAP) {
        pAp = total;
        bool positive = total > 0.0;
        alpha = done == 0u && positive ? rz / total : 0.0;
        if (done == 0u && !positive) {
            done = 2u;
        }
    } else if (params.mode == RR) {
        rr = total;
        if (done == 0u) {
            iterations += 1u;
            history[iterations] = sqrt(total / bb);
            if (isnan(total) || isinf(total)) {
                done = 4u;
            } else if (total <= tolerance2) {
                done = 1u;
            } else if (iterations >= maxIterations) {
                done = 3u;
            }
        }
    } else if (params.mode == RZ) {
        beta = done == 0u ? total / rz : 0.0;
        rz = total;
    } else if (params.mode == INIT_RR) {
        rr = total;
        iterations = 0u;
        history[0] = sqrt(total / bb);
        done = isnan(total) || isinf(total) ? 4u : total <= tolerance2 ? 1u : maxIterations == 0u ? 3u : 0u;
    } else if (params.mode == INIT_RZ) {
        rz = total;
        beta = 0.0;
    }
}
