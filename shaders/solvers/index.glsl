// Workgroups are laid out in 2D when one row would exceed maxComputeWorkGroupCount[0] (65535 groups of 256 is
// 16.7 M cells, less than 256³); these give the linear workgroup and element index either way.
uint workgroupIndex() {
    return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
}

uint globalIndex() {
    return workgroupIndex() * gl_WorkGroupSize.x + gl_LocalInvocationIndex;
}
