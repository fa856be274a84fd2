using PhysML.Core.Application;
using PhysML.Solvers.Learned;

namespace PhysML.LearnedPressure;

/// <summary>
/// Lets scenes solve pressure with a learned preconditioner: registers the <see cref="IPressureModelLoader"/> resource
/// that reads <c>fluidDomain.pressureModel</c> checkpoints with TorchSharp. List it beside <c>fluid</c> in a scene's
/// <c>plugins</c>. Kept out of the fluid plugin so that fluids load no native ML runtime unless a scene asks.
/// </summary>
public sealed class LearnedPressurePlugin : IPlugin
{
    public string Name => "learnedPressure";

    public void Build(App app) => app.World.SetResource<IPressureModelLoader>(new TorchPressureModelLoader());
}
