#version 450
// x += α·p and r -= α·Ap with α read from the GPU scalars, fused with the partial sums of r·r.
layout(local_size_x = 256) in;
#include "index.glsl"
#define SCALARS_BINDING 0
#define SCALARS_QUALIFIER readonly
#include "scalars.glsl"
layout(std430, set = 0, binding = 1) readonly buffer P { float p[]; };
layout(std430, set = 0, binding = 2) readonly buffer Ap { float ap[]; };
layout(std430, set = 0, binding = 3) buffer X { float x[]; };
layout(std430, set = 0, binding = 4) buffer R { float r[]; };
layout(std430, set = 0, binding = 5) writeonly buffer Partials { float partials[]; };
#include "workgroup_sum.glsl"
layout(push_constant) uniform Params { uint n; } params;

void main() {
    uint i = globalIndex();
    float product = 0.0;
    if (i < params.n) {
        float value = r[i];
        // α = 0 once a solve has stopped: skipping the update then keeps x and r as they are even where p is not
        // finite (a direction network that broke a DCDM solve), instead of 0·NaN = NaN.
        if (alpha != 0.0) {
            x[i] = fma(alpha, p[i], x[i]);
            value = fma(-alpha, ap[i], value);
            r[i] = value;
        }
        product = value * value;
    }
    float total = workgroupSum(product);
    if (gl_LocalInvocationIndex == 0u) {
        partials[workgroupIndex()] = total;
    }
}
