using PhysML.Core.Application;
using PhysML.Fluids;

namespace PhysML.Samples.Preconditioner;

/// <summary>
/// A custom pressure preconditioner (scene name <c>samples.preconditioner</c>, used with <c>fluid</c>): registers
/// <see cref="PolynomialJacobiPreconditioner"/> with three sweeps as <c>polynomialJacobi</c>, which a scene picks with
/// <c>"fluidDomain": { "customPreconditioner": "polynomialJacobi" }</c>. The fluid plugin then solves the pressure
/// with PCG and this preconditioner, rebuilding it whenever the operator changes.
/// </summary>
public sealed class PreconditionerPlugin : IPlugin
{
    public const string PreconditionerName = "polynomialJacobi";

    public string Name => "samples.preconditioner";

    public void Build(App app) =>
        FluidExtensions.Of(app.World).AddPreconditioner(PreconditionerName, a => new PolynomialJacobiPreconditioner(a, sweeps: 3));
}
