// The solver's scalars, kept on the GPU so α and β never travel to the host (VulkanPoissonSolver's Scalars struct
// mirrors this layout). history[k] is ‖r_k‖/‖b‖; the host reads the header only between batches of iterations.
// The including shader defines SCALARS_BINDING and SCALARS_QUALIFIER (readonly, or empty to write).
layout(std430, set = 0, binding = SCALARS_BINDING) SCALARS_QUALIFIER buffer Scalars {
    float rz;
    float pAp;
    float alpha;
    float beta;
    float rr;
    float bb;
    float tolerance2;
    uint iterations;
    uint done;
    uint maxIterations;
    uint reserved0;
    uint reserved1;
    float history[];
};
