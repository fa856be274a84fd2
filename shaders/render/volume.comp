#version 450
// A 3D view of [nz, ny, nx] cell volumes from an orbit camera, one ray per pixel, front to back:
//  - smoke: emission–absorption ray marching of the density (Beer–Lambert: each step of length ds keeps
//    exp(−σ ds) of the light behind it, σ = extinction · density), lit by single scattering of a directional light
//    whose transmittance to every cell comes from volume_light.comp, plus an ambient term;
//  - obstacles: the first sample where the trilinear solid mask exceeds 0.5 is a surface; its normal is the mask's
//    negative gradient, shaded Lambert with the same light (so smoke shadows obstacles);
//  - a slice plane (x, y or z = const) of any field, colormapped and opaque, where the ray meets it first.
// Coordinates are in cells: the domain is the box [0, nx] × [0, ny] × [0, nz], y up.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) writeonly buffer Pixels { uint pixels[]; };
layout(std430, set = 0, binding = 1) readonly buffer Density { float density[]; };
layout(std430, set = 0, binding = 2) readonly buffer Light { float lightT[]; };
layout(std430, set = 0, binding = 3) readonly buffer Solid { float solid[]; };
layout(std430, set = 0, binding = 4) readonly buffer Slice { float slice[]; };
layout(std430, set = 0, binding = 5) readonly buffer Lut { uint lut[]; };
layout(std430, set = 0, binding = 6) readonly buffer Bricks { vec2 bricks[]; }; // volume_bricks.comp

layout(push_constant) uniform Push
{
    ivec4 size;    // width, height, nx, ny
    ivec4 misc;    // nz, flags (1 solid, 2 smoke, 4 slice), slice axis (0 x, 1 y, 2 z), unused
    vec4 eye;      // camera position; w: tan(vertical fov / 2)
    vec4 forward;  // unit view direction; w: width / height
    vec4 right;    // unit; w: slice plane coordinate in cells
    vec4 up;       // unit; w: extinction per cell length at density 1
    vec4 range;    // slice colormap min, max; step in cells; ambient light
    vec4 toLight;  // unit vector toward the light; w: unused
} pc;

#define N ivec3(pc.size.z, pc.size.w, pc.misc.x)
#define LUT(i) lut[i]
#include "render_common.glsl"
#include "volume_common.glsl"
DEFINE_TRILINEAR(density_at, density)
DEFINE_TRILINEAR(light_at, lightT)
DEFINE_TRILINEAR(solid_at, solid)
DEFINE_TRILINEAR(slice_at, slice)

const vec3 SMOKE = vec3(0.92, 0.92, 0.95);

vec3 surface_colour(vec3 p)
{
    // Central differences 1.5 cells apart: the mask is a 0/1 voxel step, and a wider stencil averages its stairs into a
    // smoother normal than neighbouring cells would give.
    const float h = 1.5;
    vec3 g = vec3(solid_at(p + vec3(h, 0, 0)) - solid_at(p - vec3(h, 0, 0)),
                  solid_at(p + vec3(0, h, 0)) - solid_at(p - vec3(0, h, 0)),
                  solid_at(p + vec3(0, 0, h)) - solid_at(p - vec3(0, 0, h)));
    vec3 n = length(g) > 1e-6 ? -normalize(g) : -pc.forward.xyz;
    float lit = max(dot(n, pc.toLight.xyz), 0.0) * light_at(p + n);
    return OBSTACLE * (pc.range.w + (1.0 - pc.range.w) * lit) * 1.4;
}

// How much of a pixel a box edge through p covers: p lies on the box surface; it is on an edge where a second
// coordinate is also at a face. pixelCells is the pixel's footprint at p; the line is about one pixel wide.
float edge_coverage(vec3 p, float pixelCells)
{
    vec3 d = min(abs(p), abs(vec3(N) - p)); // distance to the nearer face along each axis
    // The smallest is the face p lies on; the middle one is the distance to the nearest edge.
    float middle = max(min(d.x, d.y), min(max(d.x, d.y), d.z));
    return clamp(1.0 - middle / pixelCells, 0.0, 1.0);
}

const vec3 EDGE = vec3(0.55, 0.58, 0.65);

void main()
{
    ivec2 pixel = ivec2(gl_GlobalInvocationID.xy);
    if (pixel.x >= pc.size.x || pixel.y >= pc.size.y) return;
    vec2 ndc = vec2(2.0 * (float(pixel.x) + 0.5) / float(pc.size.x) - 1.0,
                    1.0 - 2.0 * (float(pixel.y) + 0.5) / float(pc.size.y)); // top row first
    float tanHalf = pc.eye.w;
    vec3 dir = normalize(pc.forward.xyz + ndc.x * tanHalf * pc.forward.w * pc.right.xyz + ndc.y * tanHalf * pc.up.xyz);
    vec3 origin = pc.eye.xyz;

    // Background: a slight vertical gradient, so the volume's silhouette reads against it.
    vec3 background = BACKGROUND * (0.8 + 0.4 * (0.5 + 0.5 * ndc.y));
    vec2 hit = box_hit(origin, dir);
    if (hit.x >= hit.y)
    {
        pixels[pixel.y * pc.size.x + pixel.x] = pack_rgba(vec4(background, 1.0));
        return;
    }

    bool hasSolid = (pc.misc.y & 1) != 0;
    bool smoke = (pc.misc.y & 2) != 0;
    bool hasSlice = (pc.misc.y & 4) != 0;
    float end = hit.y;
    bool sliceHit = false;
    if (hasSlice)
    {
        int axis = pc.misc.z;
        float d = dir[axis];
        if (abs(d) > 1e-8)
        {
            float ts = (pc.right.w - origin[axis]) / d;
            if (ts >= hit.x && ts <= hit.y) { end = ts; sliceHit = true; }
        }
    }

    vec3 colour = vec3(0.0);
    float transmittance = 1.0;
    float ds = pc.range.z;
    bool surface = false;
    // Half a step in: samples at the midpoints of the steps (midpoint rule for the optical depth).
    float t = hit.x + 0.5 * ds;
    while (t < end)
    {
        vec3 p = origin + t * dir;
        vec2 brick = bricks[brick_index(p)];
        // Nothing to see in this brick: no smoke that would absorb a visible fraction over a step, no solid. Jump to its
        // far side (plus half a step, to sample inside the next brick).
        if ((!smoke || brick.x * pc.up.w * ds < 1e-4) && (!hasSolid || brick.y <= 0.5))
        {
            t = max(brick_exit(p, origin, dir), t) + 0.5 * ds;
            continue;
        }
        if (hasSolid && brick.y > 0.5 && solid_at(p) > 0.5)
        {
            colour += transmittance * surface_colour(p);
            transmittance = 0.0;
            surface = true;
            break;
        }
        if (smoke)
        {
            float sigma = pc.up.w * max(density_at(p), 0.0);
            float absorbed = 1.0 - exp(-sigma * ds);
            // Single scattering: what the step absorbs of the view ray it scatters of the light reaching it.
            colour += transmittance * absorbed * SMOKE * (pc.range.w + (1.0 - pc.range.w) * light_at(p));
            transmittance *= 1.0 - absorbed;
            if (transmittance < 0.004) { transmittance = 0.0; break; } // below one 8-bit level
        }
        t += ds;
    }

    if (!surface && transmittance > 0.0)
    {
        if (sliceHit)
        {
            vec3 p = origin + end * dir;
            float range = pc.range.y - pc.range.x;
            vec3 c = hasSolid && solid_at(p) > 0.5 ? OBSTACLE
                : colormap_at(range > 0.0 ? (slice_at(p) - pc.range.x) / range : 0.0);
            colour += transmittance * c;
        }
        else
        {
            float footprint = hit.y * 2.0 * tanHalf / float(pc.size.y);
            colour += transmittance * mix(background, EDGE, 0.6 * edge_coverage(origin + hit.y * dir, footprint));
        }
    }
    // The near edges of the domain's box, over everything inside it.
    if (hit.x > 0.0) // not when the eye is inside the box
        colour = mix(colour, EDGE, 0.6 * edge_coverage(origin + hit.x * dir, hit.x * 2.0 * tanHalf / float(pc.size.y)));
    pixels[pixel.y * pc.size.x + pixel.x] = pack_rgba(vec4(colour, 1.0));
}
