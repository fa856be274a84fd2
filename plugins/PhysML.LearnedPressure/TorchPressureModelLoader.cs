using PhysML.ML;
using PhysML.ML.Preconditioners;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;

namespace PhysML.LearnedPressure;

/// <summary>Loads a preconditioner checkpoint into the model the pressure solvers use.</summary>
internal sealed class TorchPressureModelLoader : IPressureModelLoader
{
    public LoadedPressureModel Load(string path, int dimensions, ParallelOptions? parallel)
    {
        TorchRuntime.Initialize(new TorchRuntimeSettings(PreferCuda: false));
        var (network, metadata) = PreconditionerCheckpoint.Load(path, dimensions);
        var model = network.ToModel(metadata.ModelVersion, parallel);
        return model is LearnedMultigridModel learned
            ? new LoadedPressureModel(learned, learned, LearnedMultigridNetwork.CycleOptions, metadata)
            : new LoadedPressureModel(model, null, new MultigridOptions(), metadata);
    }
}
