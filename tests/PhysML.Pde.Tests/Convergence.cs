namespace PhysML.Pde.Tests;

/// <summary>Observed orders of accuracy from errors on grids refined by 2.</summary>
internal static class Convergence
{
    public static double[] Orders(IReadOnlyList<double> errors) =>
        errors.Zip(errors.Skip(1), (coarse, fine) => Math.Log2(coarse / fine)).ToArray();
}
