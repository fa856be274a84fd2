// Shared by the render kernels: colour packing and the colormap lookup table.
// Pixels are packed RGBA8 with R in the lowest byte (the RenderTarget contract), i.e. VK_FORMAT_R8G8B8A8_UNORM words.

vec4 unpack_rgba(uint c)
{
    return vec4(float(c & 0xFFu), float((c >> 8) & 0xFFu), float((c >> 16) & 0xFFu), float(c >> 24)) / 255.0;
}

uint pack_rgba(vec4 c)
{
    uvec4 u = uvec4(round(clamp(c, 0.0, 1.0) * 255.0));
    return u.r | (u.g << 8) | (u.b << 16) | (u.a << 24);
}

// The colormap as LUT_SIZE sRGB entries (built on the host from PhysML.Scenes.Recording.Colormap, so PNGs of the
// foundation and rendered frames agree); t in [0, 1] is interpolated linearly between neighbouring entries.
const int LUT_SIZE = 256;

vec3 colormap_at(float t)
{
    float x = clamp(isnan(t) ? 0.0 : t, 0.0, 1.0) * float(LUT_SIZE - 1);
    int i = min(int(x), LUT_SIZE - 2);
    float f = x - float(i);
    return mix(unpack_rgba(LUT(i)).rgb, unpack_rgba(LUT(i + 1)).rgb, f);
}

// Background outside the domain (letterbox bars, empty space around a volume): a dark neutral grey, distinct from
// every colormap's ends and from obstacle grey.
const vec3 BACKGROUND = vec3(0.11, 0.11, 0.12);
const vec3 OBSTACLE = vec3(0.5, 0.5, 0.5);
