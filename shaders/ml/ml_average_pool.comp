#version 450
// Average pooling by an integer factor per axis (fz = 1 in 2D), kernel = stride = factor, sizes divisible (the network
// pads its input so they are): one invocation per (channel, coarse cell). CPU reference: torch's avg_pool2d/3d.
layout(local_size_x = 256) in;
#include "../solvers/index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer Fine { float fine[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Coarse { float coarse[]; };
layout(push_constant) uniform Params { uint mx, my, mz, channels, factor, factorZ, unused; } params;

void main() {
    uint i = globalIndex();
    uint coarseCells = params.mx * params.my * params.mz;
    if (i >= coarseCells * params.channels) {
        return;
    }
    uint channel = i / coarseCells;
    uint c = i % coarseCells;
    uint x = c % params.mx, y = (c / params.mx) % params.my, z = c / (params.mx * params.my);
    uint nx = params.mx * params.factor, ny = params.my * params.factor, nz = params.mz * params.factorZ;
    uint base = channel * nx * ny * nz;
    float sum = 0.0;
    for (uint k = 0u; k < params.factorZ; k++) {
        for (uint j = 0u; j < params.factor; j++) {
            uint row = base + ((z * params.factorZ + k) * ny + y * params.factor + j) * nx + x * params.factor;
            for (uint l = 0u; l < params.factor; l++) {
                sum += fine[row + l];
            }
        }
    }
    coarse[i] = sum / float(params.factor * params.factor * params.factorZ);
}
