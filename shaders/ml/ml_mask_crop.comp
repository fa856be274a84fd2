#version 450
// The network's direction: its padded one-channel output cropped to the grid and multiplied by the unknown mask, so
// it is zero off the unknowns. CPU reference: the end of DirectionNetwork.forward.
layout(local_size_x = 256) in;
#include "../solvers/index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer Padded { float padded[]; };
layout(std430, set = 0, binding = 1) readonly buffer Unknown { float unknown[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Direction { float direction[]; };
layout(push_constant) uniform Params { uint nx, ny, nz, px, py, pz; } params;

void main() {
    uint c = globalIndex();
    if (c >= params.nx * params.ny * params.nz) {
        return;
    }
    uint x = c % params.nx, y = (c / params.nx) % params.ny, z = c / (params.nx * params.ny);
    direction[c] = padded[(z * params.py + y) * params.px + x] * unknown[c];
}
