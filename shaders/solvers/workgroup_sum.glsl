// Deterministic workgroup reduction: each subgroup adds its lanes (subgroupAdd, a fixed tree on given hardware), then
// invocation 0 adds the subgroup sums in subgroup order. No float atomics, so two runs give the same bits.
// Every invocation of the workgroup must call it (it contains a barrier); the result is valid in invocation 0 only.
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

// One slot per subgroup; 256 covers a 256-wide workgroup even with a subgroup size of 1.
shared float subgroupSums[256];

float workgroupSum(float value) {
    float sum = subgroupAdd(value);
    if (subgroupElect()) {
        subgroupSums[gl_SubgroupID] = sum;
    }
    barrier();
    float total = 0.0;
    if (gl_LocalInvocationIndex == 0u) {
        for (uint s = 0u; s < gl_NumSubgroups; s++) {
            total += subgroupSums[s];
        }
    }
    return total;
}
