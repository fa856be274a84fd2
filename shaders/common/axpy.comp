#version 450
// axpy: y <- a*x + y, the BLAS level-1 update every Krylov solver is built from
// (CG's x += alpha*p and r -= alpha*Ap are both axpy).
// Binding 0 is x (read only), binding 1 is y (read-write, updated in place).

// 256 threads: a multiple of every vendor's SIMD width (32 on NVIDIA, 64 on AMD, 8-16 on lavapipe's LLVM),
// so no lanes idle inside a full workgroup.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer X { float x[]; };
layout(std430, set = 0, binding = 1) buffer Y { float y[]; };

layout(push_constant) uniform Params {
    float a;   // scale factor
    uint n;    // element count; the last workgroup is partly past the end
} params;

void main() {
    uint i = gl_GlobalInvocationID.x;
    // The grid is rounded up to whole workgroups, so threads past n must not touch memory.
    if (i >= params.n) {
        return;
    }
    // fma: one rounding instead of two, and the same instruction a CPU reference would use.
    y[i] = fma(params.a, x[i], y[i]);
}
