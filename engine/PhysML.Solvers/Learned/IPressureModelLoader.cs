using PhysML.Solvers.Multigrid;

namespace PhysML.Solvers.Learned;

/// <summary>
/// Loads a learned pressure model from its checkpoint, for a scene that asks for one (<c>fluidDomain.pressureModel</c>).
/// A resource the <c>learnedPressure</c> plugin provides, so that the fluid plugin needs no ML reference: it builds the
/// CPU solver (DCDM over <see cref="LoadedPressureModel.Model"/>) or the Vulkan one (multigrid PCG with
/// <see cref="LoadedPressureModel.SmootherWeights"/>) from what this returns.
/// </summary>
public interface IPressureModelLoader
{
    /// <summary>Throws PML0501/PML0502 (PhysMLException) for a missing, broken or mismatched checkpoint.</summary>
    LoadedPressureModel Load(string path, int dimensions, ParallelOptions? parallel);

    /// <summary>Starts training <paramref name="model"/> in the loop (its own copy; the model keeps running meanwhile).</summary>
    /// <param name="model">What <see cref="Load"/> returned.</param>
    /// <param name="settings">Channel, reservoir, rounds, seed, deterministic mode.</param>
    /// <param name="tolerance">The tolerance the held-out validation solves to (the scene's pressure tolerance).</param>
    /// <param name="parallel">Threads for the validation solves and the adopted models.</param>
    IPressureTrainer Train(LoadedPressureModel model, OnlineTrainingSettings settings, double tolerance, ParallelOptions? parallel);
}

/// <param name="Model">The search-direction model the CPU solvers use.</param>
/// <param name="SmootherWeights">The learned V-cycle's damping, when the model is one (it then also runs on Vulkan).</param>
/// <param name="Cycle">The V-cycle the weights are for.</param>
/// <param name="Metadata">The checkpoint's header.</param>
public sealed record LoadedPressureModel(ISearchDirectionModel Model, ISmootherWeights? SmootherWeights, MultigridOptions Cycle,
    CheckpointMetadata Metadata);
