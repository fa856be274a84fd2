using PhysML.Core.Checkpoints;
using PhysML.ML;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;

namespace PhysML.LearnedPressure;

/// <summary>Loads a preconditioner checkpoint into the model the pressure solvers use.</summary>
[NoCheckpointState("loads models from files; the solvers it builds are checked on their own")]
internal sealed class TorchPressureModelLoader : IPressureModelLoader
{
    public LoadedPressureModel Load(string path, int dimensions, ParallelOptions? parallel)
    {
        TorchRuntime.Initialize(new TorchRuntimeSettings(PreferCuda: false));
        var (network, metadata) = PreconditionerCheckpoint.Load(path, dimensions);
        var model = network.ToModel(metadata.ModelVersion, parallel);
        return model is LearnedMultigridModel learned
            ? new LoadedPressureModel(learned, learned, learned.Network.CycleOptions, metadata)
            : new LoadedPressureModel(model, null, new MultigridOptions(), metadata);
    }

    public IPressureTrainer Train(LoadedPressureModel model, OnlineTrainingSettings settings, double tolerance, ParallelOptions? parallel)
    {
        PreconditionerNetwork network = model.Model switch
        {
            LearnedMultigridModel learned => learned.Network,
            TorchDirectionModel direction => direction.Network,
            _ => throw new ArgumentException($"{model.Model.GetType().Name} is not a TorchSharp model", nameof(model)),
        };
        // One libtorch thread: on a small machine the training thread must leave the simulation its cores (measured on
        // 2 cores with libtorch's default of 2: the median frame of smoke-learned-3d went from 130 to 232 ms).
        TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: settings.Seed, Threads: 1, PreferCuda: false));
        return new OnlinePressureTrainer(network, model.Model.Version, settings, tolerance, parallel);
    }
}
