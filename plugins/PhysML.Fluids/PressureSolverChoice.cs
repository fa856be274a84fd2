using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Gpu.ML;
using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// Picks the pressure solver of a fluid domain from its <see cref="PressureBackend"/>, its
/// <see cref="FluidDomain.PressureModel"/> and the run's <see cref="ComputeBackend"/>: null (the projection's own CPU
/// solver), a <see cref="VulkanPoissonSolver"/> on the app's <see cref="GpuDevice"/>, or a learned solver (on Vulkan:
/// the learned V-cycle in MGPCG, or a residual network in <see cref="VulkanDeepConjugateDirectionSolver"/>). Every
/// fallback is one warning in <see cref="RunWarnings"/>: a scene that asks for the GPU still runs where there is none,
/// and one that asks for a model with <c>pressureModelFallback</c> still runs without it.
/// </summary>
internal static class PressureSolverChoice
{
    public static IPoissonSolver? Create(World world, FluidDomain domain, SolverOptions options)
    {
        var compute = world.Resource<ComputeBackend>();
        var wanted = domain.PressureBackend switch
        {
            PressureBackend.Cpu => ComputeBackend.Cpu,
            PressureBackend.Vulkan => ComputeBackend.Vulkan,
            _ => compute.Requested,
        };
        var warnings = world.Resource<RunWarnings>();
        var context = wanted == ComputeBackend.Vulkan ? VulkanContext(world, warnings) : null;
        if (domain.PressureModel is not null) return Learned(world, domain, options, context, warnings, compute);
        if (context is null) return null;
        var preconditioner = domain.PressurePreconditioner;
        if (preconditioner == PressurePreconditioner.Mic0)
        {
            warnings.Add("pressurePreconditioner mic0 has no Vulkan kernel (its triangular solves are sequential); the Vulkan pressure solve uses multigrid");
            preconditioner = PressurePreconditioner.Multigrid;
        }
        compute.Used = ComputeBackend.Vulkan;
        return new VulkanPoissonSolver(context, preconditioner, options);
    }

    /// <summary>PCG with the preconditioner a plugin registered as <paramref name="name"/>; CPU only (a plugin's
    /// preconditioner is C# code), so a Vulkan request falls back with a warning.</summary>
    public static IPoissonSolver Custom(World world, Entity entity, string name, SolverOptions options)
    {
        var extensions = FluidExtensions.Of(world);
        if (!extensions.TryGetPreconditioner(name, out var factory))
            throw new ComponentValueException(entity, "fluidDomain.customPreconditioner",
                $"no plugin registered a pressure preconditioner named '{name}'; registered: " +
                (extensions.PreconditionerNames.Count == 0 ? "none (is its plugin in the scene's plugins?)" : string.Join(", ", extensions.PreconditionerNames)));
        if (world.Resource<ComputeBackend>().Requested == ComputeBackend.Vulkan)
            world.Resource<RunWarnings>().Add($"the pressure solve runs on the CPU: customPreconditioner '{name}' is a plugin's CPU code");
        return new PluginPreconditionedSolver(name, factory, options, world.Resource<ComputeSettings>().ParallelOptions);
    }

    private static VulkanContext? VulkanContext(World world, RunWarnings warnings)
    {
        var device = GpuDevice.Of(world);
        if (device.Context is { } context) return context;
        warnings.Add($"the pressure solve runs on the CPU: the Vulkan backend was requested but no Vulkan device is available ({device.Failure})");
        return null;
    }

    private static IPoissonSolver Learned(World world, FluidDomain domain, SolverOptions options, VulkanContext? context,
        RunWarnings warnings, ComputeBackend compute)
    {
        if (!world.HasResource<IPressureModelLoader>())
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput,
                "fluidDomain.pressureModel needs the learnedPressure plugin: add \"learnedPressure\" to the scene's plugins");
        var path = world.HasResource<SceneLocation>() ? world.Resource<SceneLocation>().Resolve(domain.PressureModel!) : Path.GetFullPath(domain.PressureModel!);
        var parallel = world.Resource<ComputeSettings>().ParallelOptions;
        LoadedPressureModel loaded;
        try
        {
            loaded = world.Resource<IPressureModelLoader>().Load(path, domain.Is3D ? 3 : 2, parallel);
        }
        catch (PhysMLException e) when (domain.PressureModelFallback && e.Code is ErrorCodes.CheckpointInvalid or ErrorCodes.CheckpointIncompatible)
        {
            warnings.Add($"{e.Message}; the pressure solve uses MGPCG instead (fluidDomain.pressureModelFallback)");
            if (context is null) return new CpuPoissonSolver(PressurePreconditioner.Multigrid, options, parallel);
            compute.Used = ComputeBackend.Vulkan;
            return new VulkanPoissonSolver(context, PressurePreconditioner.Multigrid, options);
        }
        // What a run checkpoint records of the model: a resume loads it again from the file, which must be unchanged.
        var modelSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var training = domain.PressureTraining is { Online: true } settings ? settings : null;
        if (context is not null && training is not null && loaded.SmootherWeights is not null)
        {
            // The learned V-cycle solves on Vulkan while the trainer learns from the (A, b) the fluid step has on the
            // CPU; an adopted model's damping is re-uploaded at a frame boundary.
            var trained = new VulkanLearnedMultigridSolver(context, loaded.Model, options, loaded.Cycle)
            {
                Trainer = world.Resource<IPressureModelLoader>().Train(loaded, training, options.RelativeTolerance, parallel),
            };
            compute.Used = ComputeBackend.Vulkan;
            world.SetResource(new LearnedPressureStatus(trained, path, modelSha256));
            return trained;
        }
        if (context is not null && training is not null)
            warnings.Add("online training of a residual network (coarse16, unet16) runs its pressure solve on the CPU: only the learned V-cycle trains on Vulkan");
        else if (context is not null && loaded.SmootherWeights is { } weights)
        {
            compute.Used = ComputeBackend.Vulkan;
            return new VulkanPoissonSolver(context, PressurePreconditioner.Multigrid, options, loaded.Cycle, smootherWeights: weights);
        }
        else if (context is not null)
        {
            // A residual network (coarse16, unet16): our own kernels run it inside a GPU DCDM loop, from the same
            // checkpoint; the TorchSharp copy the loader made is not needed.
            (loaded.Model as IDisposable)?.Dispose();
            var network = VulkanDirectionNetwork.Load(context, path, domain.Is3D ? 3 : 2);
            var gpu = new VulkanDeepConjugateDirectionSolver(context, network, options, ownsNetwork: true);
            compute.Used = ComputeBackend.Vulkan;
            world.SetResource(new LearnedPressureStatus(gpu, path, modelSha256));
            return gpu;
        }
        var solver = new LearnedPoissonSolver(loaded.Model, LearnedMethod.Dcdm, options, parallel: parallel);
        if (training is not null)
        {
            solver.Trainer = world.Resource<IPressureModelLoader>().Train(loaded, training, options.RelativeTolerance, parallel);
        }
        // A resource, so disposing the App stops the training thread.
        world.SetResource(new LearnedPressureStatus(solver, path, modelSha256));
        return solver;
    }
}
