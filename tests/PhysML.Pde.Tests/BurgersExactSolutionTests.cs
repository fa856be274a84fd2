using PhysML.Pde;

namespace PhysML.Pde.Tests;

/// <summary>The Cole–Hopf formulae satisfy Burgers' equations: residuals by fourth-order central differences.</summary>
public class BurgersExactSolutionTests
{
    private const double H = 1e-3;

    // Fourth-order first and second central differences of g at s.
    private static double D1(Func<double, double> g, double s) => (g(s - 2 * H) - 8 * g(s - H) + 8 * g(s + H) - g(s + 2 * H)) / (12 * H);
    private static double D2(Func<double, double> g, double s) =>
        (-g(s - 2 * H) + 16 * g(s - H) - 30 * g(s) + 16 * g(s + H) - g(s + 2 * H)) / (12 * H * H);

    [Theory]
    [InlineData(0.3, 0.1, 0.5)]
    [InlineData(1.7, 0.4, 0.5)]
    [InlineData(0.6, 0.05, 0.9)]
    public void The_1D_solution_satisfies_viscous_Burgers_and_is_the_classic_formula(double x, double t, double a)
    {
        const double nu = 0.1;
        var k = Math.PI;
        double U(double xx, double tt) => BurgersAnalytic.ColeHopf1D(xx, tt, nu, k, a);

        var residual = D1(tt => U(x, tt), t) + U(x, t) * D1(xx => U(xx, t), x) - nu * D2(xx => U(xx, t), x);
        Assert.True(Math.Abs(residual) < 1e-7, $"residual {residual:E3}");
        if (a == 0.5)
        {
            var e = Math.Exp(-Math.PI * Math.PI * nu * t);
            Assert.Equal(2 * nu * Math.PI * e * Math.Sin(Math.PI * x) / (2 + e * Math.Cos(Math.PI * x)), U(x, t), 14);
        }
        Assert.Equal(U(x, t), U(x + 2, t), 12); // period 2
    }

    [Theory]
    [InlineData(0.3, 1.1, 0.1)]
    [InlineData(1.2, 0.4, 0.3)]
    public void The_2D_solution_satisfies_the_vector_Burgers_equations(double x, double y, double t)
    {
        const double nu = 0.05, a = 0.8;
        var k = Math.PI;
        (double U, double V) W(double xx, double yy, double tt) => BurgersAnalytic.ColeHopf2D(xx, yy, tt, nu, k, a);

        var (u, v) = W(x, y, t);
        foreach (var component in new Func<(double U, double V), double>[] { w => w.U, w => w.V })
        {
            var q = (Func<double, double, double, double>)((xx, yy, tt) => component(W(xx, yy, tt)));
            var residual = D1(tt => q(x, y, tt), t) + u * D1(xx => q(xx, y, t), x) + v * D1(yy => q(x, yy, t), y)
                           - nu * (D2(xx => q(xx, y, t), x) + D2(yy => q(x, yy, t), y));
            Assert.True(Math.Abs(residual) < 1e-8, $"residual {residual:E3}");
        }
    }
}
