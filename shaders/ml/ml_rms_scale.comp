#version 450
// The network input's residual scale, 1 / max(sqrt(Σ r² / unknowns), 1e-30), from the per-workgroup partial sums of
// r·r (shaders/solvers/dot.comp). One workgroup: each invocation adds a strided share of the partials, then a fixed
// tree adds the shares, so the scale has the same bits on every run. CPU reference: DirectionNetwork.Inputs.
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) readonly buffer Partials { float partials[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Scale { float scale[]; };
#include "../solvers/workgroup_sum.glsl"
layout(push_constant) uniform Params { uint partialCount; uint unknownCount; } params;

void main() {
    float share = 0.0;
    for (uint i = gl_LocalInvocationIndex; i < params.partialCount; i += gl_WorkGroupSize.x) {
        share += partials[i];
    }
    float total = workgroupSum(share);
    if (gl_LocalInvocationIndex == 0u) {
        float rms = sqrt(total / float(max(params.unknownCount, 1u)));
        scale[0] = 1.0 / max(rms, 1e-30);
    }
}
