#version 450
// Identity rows (solids, sealed cells) have A⁻¹ = I: the direction there is the unit residual r/‖r‖, whatever the
// network said (it outputs 0 off the unknowns). CPU reference: DeepConjugateDirection.Solve.
layout(local_size_x = 256) in;
#include "index.glsl"
#define SCALARS_BINDING 0
#define SCALARS_QUALIFIER readonly
#include "scalars.glsl"
layout(std430, set = 0, binding = 1) readonly buffer Unknown { float unknown[]; };
layout(std430, set = 0, binding = 2) readonly buffer R { float r[]; };
layout(std430, set = 0, binding = 3) buffer Q { float q[]; };
layout(push_constant) uniform Params { uint n; } params;

void main() {
    uint c = globalIndex();
    if (c >= params.n || unknown[c] != 0.0) {
        return;
    }
    q[c] = rr > 0.0 ? r[c] * inversesqrt(rr) : 0.0;
}
