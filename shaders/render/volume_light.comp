#version 450
// Light transmittance of every cell toward a directional light from above, T = exp(−∫ σ ds) with σ = extinction ·
// density (Beer–Lambert), solid cells opaque, so smoke self-shadows and obstacles shadow it.
// Swept one y layer per dispatch, top down: a cell's ray toward the light crosses the layer above at
// c + (lx/ly, 1, lz/ly), so T(cell) = T(layer above, bilinear at that point) · exp(−σ̄ · L), with σ̄ the trapezoid mean
// of the two ends and L the step's length. O(cells) in all, instead of a march of O(n) steps from every cell; light
// entering through a side face (the point falls outside the layer) arrives unattenuated.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) buffer Light { float lightT[]; };
layout(std430, set = 0, binding = 1) readonly buffer Density { float density[]; };
layout(std430, set = 0, binding = 2) readonly buffer Solid { float solid[]; };

layout(push_constant) uniform Push
{
    ivec4 size;       // nx, ny, nz, hasSolid
    vec4 toLight;     // xyz: unit vector toward the light (y > 0); w: extinction per cell length at density 1
    int layer;        // the y layer this dispatch computes; layer + 1 is done
} pc;

#define N pc.size.xyz

float density_cell(int i, int j, int k) { return max(density[(k * N.y + j) * N.x + i], 0.0); }
float light_cell(int i, int j, int k) { return lightT[(k * N.y + j) * N.x + i]; }

// Bilinear in x and z on layer j of a per-cell array; points beyond the layer's outer cell centres clamp to the edge.
#define DEFINE_LAYER_BILINEAR(name, cell)                                                \
float name(vec2 xz, int j)                                                               \
{                                                                                        \
    vec2 q = xz - 0.5;                                                                   \
    ivec2 c = ivec2(floor(q));                                                           \
    vec2 f = q - vec2(c);                                                                \
    ivec2 c0 = clamp(c, ivec2(0), ivec2(N.x - 1, N.z - 1));                              \
    ivec2 c1 = clamp(c + 1, ivec2(0), ivec2(N.x - 1, N.z - 1));                          \
    return mix(mix(cell(c0.x, j, c0.y), cell(c1.x, j, c0.y), f.x),                       \
               mix(cell(c0.x, j, c1.y), cell(c1.x, j, c1.y), f.x), f.y);                 \
}
DEFINE_LAYER_BILINEAR(layer_bilinear_density, density_cell)
DEFINE_LAYER_BILINEAR(layer_bilinear_light, light_cell)

void main()
{
    int id = int(gl_GlobalInvocationID.x);
    if (id >= N.x * N.z) return;
    int i = id % N.x;
    int k = id / N.x;
    int j = pc.layer;
    int cell = (k * N.y + j) * N.x + i;
    if (pc.size.w != 0 && solid[cell] > 0.5) { lightT[cell] = 0.0; return; }

    vec3 step = pc.toLight.xyz / pc.toLight.y;        // one layer up along the light
    float len = length(step);
    float here = pc.toLight.w * density_cell(i, j, k);
    vec2 above = vec2(i, k) + 0.5 + step.xz;
    bool inside = j + 1 < N.y && all(greaterThanEqual(above, vec2(0.0))) && all(lessThanEqual(above, vec2(N.xz)));
    if (!inside)
    {
        // The ray leaves the volume within this step: about half a step of this cell's density.
        lightT[cell] = exp(-0.5 * len * here);
        return;
    }
    float there = pc.toLight.w * layer_bilinear_density(above, j + 1);
    lightT[cell] = layer_bilinear_light(above, j + 1) * exp(-0.5 * (here + there) * len);
}
