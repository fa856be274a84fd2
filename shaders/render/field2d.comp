#version 450
// A 2D scalar field [ny, nx] drawn into a width×height RGBA8 target: letterboxed to keep the domain's aspect ratio,
// bilinear between cell centres, colormapped over [minValue, maxValue], obstacle cells (solid > 0.5) drawn grey, and
// optionally one arrow glyph per glyphCells×glyphCells block showing the cell-centred velocity.
// Image rows go top-down while row j = 0 of the field is y = 0 (the bottom), so y is flipped here.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) writeonly buffer Pixels { uint pixels[]; };
layout(std430, set = 0, binding = 1) readonly buffer Field { float field[]; };
layout(std430, set = 0, binding = 2) readonly buffer Solid { float solid[]; };
layout(std430, set = 0, binding = 3) readonly buffer Lut { uint lut[]; };
layout(std430, set = 0, binding = 4) readonly buffer Velocity { vec2 velocity[]; };

#define LUT(i) lut[i]
#include "render_common.glsl"

layout(push_constant) uniform Push
{
    int width;
    int height;
    int nx;
    int ny;
    float minValue;
    float maxValue;
    int hasSolid;      // 1: binding 2 holds a solid mask of the field's shape
    int glyphCells;    // 0: no glyphs; else cells between glyph centres
    float glyphScale;  // cells of arrow length per m/s (the longest arrow spans 0.9 glyphCells)
    float aspectX;     // physical width / height of one cell (1 for square cells)
} pc;

float value_at(ivec2 c) { return field[clamp(c.y, 0, pc.ny - 1) * pc.nx + clamp(c.x, 0, pc.nx - 1)]; }

// p in cell units (cell (i, j) spans [i, i+1] × [j, j+1]); samples sit at cell centres.
float bilinear(vec2 p)
{
    vec2 q = p - 0.5;
    ivec2 c = ivec2(floor(q));
    vec2 f = q - vec2(c);
    float a = mix(value_at(c), value_at(c + ivec2(1, 0)), f.x);
    float b = mix(value_at(c + ivec2(0, 1)), value_at(c + ivec2(1, 1)), f.x);
    return mix(a, b, f.y);
}

vec2 velocity_at(ivec2 c) { return velocity[clamp(c.y, 0, pc.ny - 1) * pc.nx + clamp(c.x, 0, pc.nx - 1)]; }

bool solid_at(vec2 p)
{
    if (pc.hasSolid == 0) return false;
    ivec2 c = clamp(ivec2(floor(p)), ivec2(0), ivec2(pc.nx - 1, pc.ny - 1));
    return solid[c.y * pc.nx + c.x] > 0.5;
}

float segment_distance(vec2 p, vec2 a, vec2 b)
{
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    return length(p - (a + t * ab));
}

// Coverage of the arrow glyph nearest p (0 none, 1 full), anti-aliased over one pixel of width pixelCells.
float glyph_coverage(vec2 p, float pixelCells)
{
    float g = float(pc.glyphCells);
    vec2 centre = (floor(p / g) + 0.5) * g;
    if (centre.x > float(pc.nx) || centre.y > float(pc.ny) || solid_at(centre)) return 0.0;
    vec2 v = velocity_at(ivec2(floor(centre)));
    vec2 arrow = v * pc.glyphScale;
    float len = length(arrow);
    if (len < 0.15 * g) return 0.0; // too slow to show a direction
    vec2 dir = arrow / len;
    vec2 tail = centre - 0.5 * arrow;
    vec2 tip = centre + 0.5 * arrow;
    float head = min(0.35 * len, 0.4 * g);
    vec2 side = vec2(-dir.y, dir.x);
    float d = segment_distance(p, tail, tip);
    d = min(d, segment_distance(p, tip, tip - head * (dir + 0.6 * side)));
    d = min(d, segment_distance(p, tip, tip - head * (dir - 0.6 * side)));
    float halfWidth = 0.75 * pixelCells;
    return clamp(halfWidth + 0.5 * pixelCells - d, 0.0, pixelCells) / pixelCells;
}

void main()
{
    ivec2 pixel = ivec2(gl_GlobalInvocationID.xy);
    if (pixel.x >= pc.width || pixel.y >= pc.height) return;

    // Letterbox: the largest rectangle of the domain's aspect ratio, centred in the target.
    float domainW = float(pc.nx) * pc.aspectX;
    float domainH = float(pc.ny);
    float scale = min(float(pc.width) / domainW, float(pc.height) / domainH); // pixels per (cell height)
    vec2 size = vec2(domainW, domainH) * scale;
    vec2 origin = 0.5 * (vec2(pc.width, pc.height) - size);
    vec2 local = vec2(pixel) + 0.5 - origin;
    vec3 colour = BACKGROUND;
    if (all(greaterThanEqual(local, vec2(0.0))) && all(lessThan(local, size)))
    {
        vec2 p = vec2(local.x / (scale * pc.aspectX), float(pc.ny) - local.y / scale);
        if (solid_at(p))
        {
            colour = OBSTACLE;
        }
        else
        {
            float range = pc.maxValue - pc.minValue;
            float t = range > 0.0 ? (bilinear(p) - pc.minValue) / range : 0.0; // a constant field shows the low end
            colour = colormap_at(t);
            if (pc.glyphCells > 0)
            {
                float cover = glyph_coverage(p, 1.0 / scale);
                colour = mix(colour, vec3(1.0), 0.9 * cover);
            }
        }
    }
    pixels[pixel.y * pc.width + pixel.x] = pack_rgba(vec4(colour, 1.0));
}
