#version 450
// A 3×3 (2D, kz = 1) or 3×3×3 (3D, kz = 3) convolution with zero padding 1 and a bias, one invocation per cell
// computing every output channel (up to 16), so each input value is read once per tap. Tensors are channel-major,
// [channels, nz, ny, nx]; weights are torch's [cout, cin, kz, 3, 3] (cross-correlation, no flip).
// flags: 1 = ReLU of the convolution; 2 = add the input's channel co (a residual block, cin = cout);
//        4 = add to what the output holds (out += ...). CPU reference: torch's Conv2d/Conv3d with padding 1.
layout(local_size_x = 256) in;
#include "../solvers/index.glsl"
layout(std430, set = 0, binding = 0) readonly buffer Input { float inputs[]; };
layout(std430, set = 0, binding = 1) readonly buffer Weights { float weights[]; };
layout(std430, set = 0, binding = 2) readonly buffer Bias { float bias[]; };
layout(std430, set = 0, binding = 3) buffer Output { float outputs[]; };
layout(push_constant) uniform Params { uint nx, ny, nz, cin, cout, kz, flags; } params;

const uint MaxChannels = 16u;
const uint Relu = 1u, AddInput = 2u, Accumulate = 4u;

void main() {
    uint c = globalIndex();
    uint cells = params.nx * params.ny * params.nz;
    if (c >= cells) {
        return;
    }
    int x = int(c % params.nx);
    int y = int((c / params.nx) % params.ny);
    int z = int(c / (params.nx * params.ny));
    float acc[MaxChannels];
    for (uint co = 0u; co < params.cout; co++) {
        acc[co] = bias[co];
    }
    int reach = int(params.kz) / 2; // 0 in 2D, 1 in 3D
    for (uint ci = 0u; ci < params.cin; ci++) {
        for (int dz = -reach; dz <= reach; dz++) {
            int zz = z + dz;
            if (zz < 0 || zz >= int(params.nz)) continue;
            for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= int(params.ny)) continue;
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = x + dx;
                    if (xx < 0 || xx >= int(params.nx)) continue;
                    float v = inputs[ci * cells + uint((zz * int(params.ny) + yy) * int(params.nx) + xx)];
                    uint tap = uint(((dz + reach) * 3 + dy + 1) * 3 + dx + 1);
                    uint stride = params.cin * params.kz * 9u;
                    uint w = ci * params.kz * 9u + tap;
                    for (uint co = 0u; co < params.cout; co++) {
                        acc[co] += weights[co * stride + w] * v;
                    }
                }
            }
        }
    }
    for (uint co = 0u; co < params.cout; co++) {
        float value = (params.flags & Relu) != 0u ? max(acc[co], 0.0) : acc[co];
        if ((params.flags & AddInput) != 0u) value += inputs[co * cells + c];
        uint o = co * cells + c;
        outputs[o] = (params.flags & Accumulate) != 0u ? outputs[o] + value : value;
    }
}
