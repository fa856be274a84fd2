using PhysML.Pde;
using Xunit.Abstractions;

namespace PhysML.Pde.Tests;

public class Scratch(ITestOutputHelper output)
{
    [Fact]
    public void Orders()
    {
        foreach (var rec in Enum.GetValues<BurgersReconstruction>())
        foreach (var (nu, a, T) in new[] { (0.1, 0.5, 1.0), (0.02, 0.9, 1.0), (0.01, 0.95, 2.0) })
        {
            var errs = new List<double>();
            foreach (var n in new[] { 32, 64, 128, 256 })
            {
                var d = new Burgers1D { Nx = n, Viscosity = nu, Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopf, Amplitude = a }, Reconstruction = rec };
                var s = new Burgers1DSimulation(d);
                var dtMax = 0.5 / Burgers1D.Courant(1, d.Dx, nu, s.MaxAbs);
                var steps = (int)Math.Ceiling(T / dtMax);
                for (var k = 0; k < steps; k++) s.Step(T / steps);
                errs.Add(BurgersAnalytic.RelativeL2Error(d, s.Time, s.U));
            }
            output.WriteLine($"1D {rec} nu={nu} a={a}: {string.Join(" ", errs.Select(e => e.ToString("E2")))} orders {string.Join(" ", errs.Zip(errs.Skip(1), (x, y) => Math.Log2(x / y).ToString("F2")))}");
        }
        foreach (var rec in Enum.GetValues<BurgersReconstruction>())
        foreach (var (nu, a, T) in new[] { (0.1, 0.5, 0.5), (0.02, 0.9, 0.5) })
        {
            var errs = new List<double>();
            foreach (var n in new[] { 16, 32, 64, 128 })
            {
                var d = new Burgers2D { N = n, Viscosity = nu, Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopf, Amplitude = a }, Reconstruction = rec };
                var s = new Burgers2DSimulation(d);
                var (mu, mv) = s.MaxAbs;
                var dtMax = 0.5 / Burgers2D.Courant(1, d.Spacing, nu, mu, mv);
                var steps = (int)Math.Ceiling(T / dtMax);
                for (var k = 0; k < steps; k++) s.Step(T / steps);
                errs.Add(BurgersAnalytic.RelativeL2Error(d, s.Time, s.U, s.V));
            }
            output.WriteLine($"2D {rec} nu={nu} a={a}: {string.Join(" ", errs.Select(e => e.ToString("E2")))} orders {string.Join(" ", errs.Zip(errs.Skip(1), (x, y) => Math.Log2(x / y).ToString("F2")))}");
        }
    }
}
