using PhysML.ML.Surrogates;

namespace PhysML.ML.Tests.Surrogates;

/// <summary>Small problems with exact solutions, small enough to train in seconds.</summary>
internal static class SurrogateFixtures
{
    /// <summary>Unforced vorticity on a 16² unit square, ν = 0.01, 8 samples over 1 s.</summary>
    public static VorticityProblem Vorticity(int n = 16, int times = 8) => new(new VorticityParameters(n, times, 1, 1, 0.01, null));

    /// <summary>
    /// ω = A·sin(2πmx)·sin(2πmy)·e^(−8π²m²νt): an eigenfunction of the Laplacian, so u·∇ω ≡ 0 and it solves the full
    /// nonlinear equation exactly. Returns ω₀ [S] and ω [Times·S].
    /// </summary>
    public static (float[] Initial, float[] Solution) DecayingMode(VorticityProblem problem, double amplitude, int mode = 1)
    {
        var p = problem.Parameters;
        var g = problem.Grid;
        var solution = new float[g.Points];
        for (var t = 0; t < g.Times; t++)
        {
            var time = p.Horizon * t / (g.Times - 1);
            var decay = Math.Exp(-8 * Math.PI * Math.PI * mode * mode * p.Viscosity * time);
            for (var j = 0; j < g.Rows; j++)
                for (var i = 0; i < g.Columns; i++)
                    solution[t * g.Spatial + j * g.Columns + i] = (float)(amplitude * decay *
                        Math.Sin(2 * Math.PI * mode * i / g.Columns) * Math.Sin(2 * Math.PI * mode * j / g.Rows));
        }
        return (solution[..g.Spatial], solution);
    }

    /// <summary>A tiny model; the supervised loss unless told, so that training tests measure the error they train on.</summary>
    public static SurrogateSettings Tiny(SurrogateMethod method, int experts = 1, SurrogateLoss loss = SurrogateLoss.Data) => new()
    {
        Method = method, Experts = experts, Basis = 6, Width = 8, Modes1 = 4, Modes2 = 4, Layers = 2, Points = 256,
        InitialRows = 32, LearningRate = 5e-3, Loss = loss,
    };
}
