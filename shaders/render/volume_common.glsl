// Trilinear sampling of [nz, ny, nx] cell-centred volumes in cell units: cell (i, j, k) spans [i, i+1] × [j, j+1] ×
// [k, k+1], so a sample sits at (i + 0.5, j + 0.5, k + 0.5). Clamped at the edges (the volume's border cells extend
// half a cell outward). Needs N (ivec3: nx, ny, nz) defined before inclusion.

int cell_index(ivec3 c)
{
    c = clamp(c, ivec3(0), N - 1);
    return (c.z * N.y + c.y) * N.x + c.x;
}

#define DEFINE_TRILINEAR(name, buffer_array)                                             \
float name(vec3 p)                                                                       \
{                                                                                        \
    vec3 q = p - 0.5;                                                                    \
    ivec3 c = ivec3(floor(q));                                                           \
    vec3 f = q - vec3(c);                                                                \
    float x00 = mix(buffer_array[cell_index(c)], buffer_array[cell_index(c + ivec3(1, 0, 0))], f.x); \
    float x10 = mix(buffer_array[cell_index(c + ivec3(0, 1, 0))], buffer_array[cell_index(c + ivec3(1, 1, 0))], f.x); \
    float x01 = mix(buffer_array[cell_index(c + ivec3(0, 0, 1))], buffer_array[cell_index(c + ivec3(1, 0, 1))], f.x); \
    float x11 = mix(buffer_array[cell_index(c + ivec3(0, 1, 1))], buffer_array[cell_index(c + ivec3(1, 1, 1))], f.x); \
    return mix(mix(x00, x10, f.y), mix(x01, x11, f.y), f.z);                             \
}

// Ray against the box [0, N]: entry and exit distances, entry > exit when it misses.
vec2 box_hit(vec3 origin, vec3 dir)
{
    vec3 inv = 1.0 / dir;
    vec3 t0 = (vec3(0.0) - origin) * inv;
    vec3 t1 = (vec3(N) - origin) * inv;
    vec3 lo = min(t0, t1);
    vec3 hi = max(t0, t1);
    return vec2(max(max(lo.x, lo.y), max(lo.z, 0.0)), min(min(hi.x, hi.y), hi.z));
}

// Bricks of BRICK³ cells for empty-space skipping (volume_bricks.comp): 4 keeps the brick table small (1/64 of the
// cells) while still fitting the smoke's outline closely.
const int BRICK = 4;

ivec3 brick_counts() { return (N + BRICK - 1) / BRICK; }

int brick_index(vec3 p)
{
    ivec3 b = clamp(ivec3(floor(p)) / BRICK, ivec3(0), brick_counts() - 1);
    ivec3 counts = brick_counts();
    return (b.z * counts.y + b.y) * counts.x + b.x;
}

// Distance along the ray from origin to where it leaves the brick that contains p.
float brick_exit(vec3 p, vec3 origin, vec3 dir)
{
    vec3 lo = floor(p / float(BRICK)) * float(BRICK);
    vec3 far = mix(lo, lo + float(BRICK), greaterThan(dir, vec3(0.0)));
    vec3 t = (far - origin) / dir; // an axis with dir = 0 gives ±inf, never the minimum... unless p is on the plane
    t = mix(t, vec3(1e30), equal(dir, vec3(0.0)));
    return min(min(t.x, t.y), t.z);
}
