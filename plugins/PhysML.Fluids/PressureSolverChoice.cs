using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Gpu;
using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// Picks the pressure solver of a fluid domain from its <see cref="PressureBackend"/> and the run's
/// <see cref="ComputeBackend"/>: null (the projection's own CPU solver) or a <see cref="VulkanPoissonSolver"/> on the
/// app's <see cref="GpuDevice"/>. Every fallback is one warning in <see cref="RunWarnings"/>, never an error: a scene
/// that asks for the GPU still runs where there is none.
/// </summary>
internal static class PressureSolverChoice
{
    public static IPoissonSolver? Create(World world, PressureBackend backend, PressurePreconditioner preconditioner, SolverOptions options)
    {
        var compute = world.Resource<ComputeBackend>();
        var wanted = backend switch
        {
            PressureBackend.Cpu => ComputeBackend.Cpu,
            PressureBackend.Vulkan => ComputeBackend.Vulkan,
            _ => compute.Requested,
        };
        if (wanted == ComputeBackend.Cpu) return null;
        var warnings = world.Resource<RunWarnings>();
        var device = GpuDevice.Of(world);
        if (device.Context is not { } context)
        {
            warnings.Add($"the pressure solve runs on the CPU: the Vulkan backend was requested but no Vulkan device is available ({device.Failure})");
            return null;
        }
        if (preconditioner == PressurePreconditioner.Mic0)
        {
            warnings.Add("pressurePreconditioner mic0 has no Vulkan kernel (its triangular solves are sequential); the Vulkan pressure solve uses multigrid");
            preconditioner = PressurePreconditioner.Multigrid;
        }
        compute.Used = ComputeBackend.Vulkan;
        return new VulkanPoissonSolver(context, preconditioner, options);
    }
}
