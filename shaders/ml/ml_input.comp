#version 450
// The network input on the padded grid, [3, pz, py, px]: the residual times its scale (ml_rms_scale.comp), the
// unknown mask, and the diagonal over 2·d (uploaded already divided). Cells of the padding are zero in every channel,
// as torch's functional.pad makes them. CPU reference: DirectionNetwork.Inputs and DirectionNetwork.forward's pad.
layout(local_size_x = 256) in;
#include "../solvers/index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer Residual { float residual[]; };
layout(std430, set = 0, binding = 1) readonly buffer Unknown { float unknown[]; };
layout(std430, set = 0, binding = 2) readonly buffer DiagonalOver2d { float diagonalOver2d[]; };
layout(std430, set = 0, binding = 3) readonly buffer Scale { float scale[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Input { float inputs[]; };
layout(push_constant) uniform Params { uint nx, ny, nz, px, py, pz; } params;

void main() {
    uint p = globalIndex();
    uint cells = params.px * params.py * params.pz;
    if (p >= cells) {
        return;
    }
    uint x = p % params.px;
    uint y = (p / params.px) % params.py;
    uint z = p / (params.px * params.py);
    float r = 0.0, mask = 0.0, diagonal = 0.0;
    if (x < params.nx && y < params.ny && z < params.nz) {
        uint c = (z * params.ny + y) * params.nx + x;
        r = residual[c] * scale[0];
        mask = unknown[c];
        diagonal = diagonalOver2d[c];
    }
    inputs[p] = r;
    inputs[cells + p] = mask;
    inputs[2u * cells + p] = diagonal;
}
