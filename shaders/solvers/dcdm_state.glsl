// The deep-conjugate-direction state beside the CG scalars (scalars.glsl): the A-orthogonalisation coefficients and
// the curvatures q·Aq of the two directions in the ring (0 = empty slot), and q·r of the newest direction.
// VulkanDeepConjugateDirectionSolver's DcdmState struct mirrors this layout.
layout(std430, set = 0, binding = DCDM_STATE_BINDING) DCDM_STATE_QUALIFIER buffer DcdmState {
    float coefficient[2];
    float curvature[2];
    float qr;
    float reserved;
};
