// The 7-point Poisson stencil of IPoissonStencil (engine/PhysML.Solvers/IPoissonStencil.cs): per cell the diagonal and
// the couplings across its +x, +y, +z faces; A's off-diagonal entries are minus the couplings. Neighbours wrap at every
// side: a coupling is 0 across a side that is not periodic, so the wrapped read contributes nothing there.
// Bindings 0-3 hold the stencil; the including shader defines STENCIL_INPUT, the vector A is applied to.

layout(std430, set = 0, binding = 0) readonly buffer Diagonal { float diagonal[]; };
layout(std430, set = 0, binding = 1) readonly buffer East { float east[]; };
layout(std430, set = 0, binding = 2) readonly buffer North { float north[]; };
layout(std430, set = 0, binding = 3) readonly buffer Front { float front[]; };

// (A·x)[c] for cell c of an n.x × n.y × n.z grid numbered i + nx·(j + ny·k).
float applyStencil(uint c, uvec3 n) {
    uint plane = n.x * n.y;
    uint i = c % n.x;
    uint j = (c / n.x) % n.y;
    uint k = c / plane;
    uint w = i == 0u ? c + n.x - 1u : c - 1u;
    uint e = i == n.x - 1u ? c + 1u - n.x : c + 1u;
    uint s = j == 0u ? c + (n.y - 1u) * n.x : c - n.x;
    uint t = j == n.y - 1u ? c - (n.y - 1u) * n.x : c + n.x;
    uint b = k == 0u ? c + (n.z - 1u) * plane : c - plane;
    uint f = k == n.z - 1u ? c - (n.z - 1u) * plane : c + plane;
    // Written as Σ w·(x_c − x_nb) plus the open-side weight times x_c, not as diag·x_c − Σ w·x_nb: for the smooth
    // vectors CG and multigrid produce, neighbours are close, their difference is exact in float (Sterbenz), and the
    // rounding error is relative to |A·x| instead of to 12·|x|, which is far larger. Measured on the 64² disk system:
    // MGPCG's solution differed from the CPU's by 1.0e-5 with the other form and by 1.2e-7 with this one.
    float xc = STENCIL_INPUT[c];
    float we = east[c], ww = east[w], wn = north[c], ws = north[s], wf = front[c], wb = front[b];
    float open = diagonal[c] - (we + ww + wn + ws + wf + wb);
    return open * xc
         + we * (xc - STENCIL_INPUT[e]) + ww * (xc - STENCIL_INPUT[w])
         + wn * (xc - STENCIL_INPUT[t]) + ws * (xc - STENCIL_INPUT[s])
         + wf * (xc - STENCIL_INPUT[f]) + wb * (xc - STENCIL_INPUT[b]);
}
