using PhysML.Core.Errors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Surrogates;

/// <summary>
/// A neural PDE surrogate with mixture-of-experts hard constraints (Chalapathi, Du &amp; Krishnapriyan, "Scaling
/// physics-informed hard constraints with mixture-of-experts", ICLR 2024). An FNO maps the initial condition to N basis
/// fields φ_n over the space-time grid; expert k predicts u = Σ_n w_{k,n} φ_n on its subdomain, with w_k the solution
/// of the nonlinear least-squares problem whose rows are the PDE residual at the expert's collocation points, its
/// initial- and boundary-condition rows and a ridge term, solved in float64 by batched Levenberg–Marquardt
/// (<see cref="LevenbergMarquardt"/>; all experts of all samples in one batch). Gradients reach the network through
/// the implicit step with the full Hessian (the residual's curvature included), not by unrolling LM.
/// <see cref="SurrogateMethod.Soft"/> skips the layer: the network predicts u and the residual only enters the loss.
/// An expert's rows are local, so an expert that touches no boundary solves a problem without a lateral condition:
/// on diffusion–sorption, whose initial condition is a constant c₀, u ≡ c₀ meets its rows as well as the true front
/// does. With <see cref="SurrogateSettings.Interfaces"/> the network also outputs a trace field g and each expert
/// gets Dirichlet rows from it at the faces it shares with a neighbour, which makes every local problem well posed
/// while the solves stay independent (an addition to the paper, which gives every expert the global condition rows).
/// </summary>
public sealed class ConstrainedSurrogate : Module
{
    private readonly FourierNeuralOperator2d _network;

    public ConstrainedSurrogate(ISurrogateProblem problem, SurrogateSettings settings) : base(nameof(ConstrainedSurrogate))
    {
        if (settings.Validate().Take(1).ToList() is [var error])
            throw new PhysMLException(ErrorCodes.SurrogateSettingsInvalid, ErrorCategory.BadInput, $"surrogate settings: {error.Field} {error.Message}");
        Problem = problem;
        Settings = settings;
        Partition = new ExpertPartition(problem.Grid, settings.ExpertCount, problem.Periodic);
        _network = new FourierNeuralOperator2d(problem.InputChannels, problem.OutputChannels(NetworkFields(settings)), settings.Width,
            settings.Modes1, settings.Modes2, settings.Layers);
        RegisterComponents();
    }

    public ISurrogateProblem Problem { get; }
    public SurrogateSettings Settings { get; }
    public ExpertPartition Partition { get; }

    /// <summary>
    /// Predicts from initial conditions [batch, S] (float32), constraining at <paramref name="points"/>. With gradients
    /// enabled the hard-constraint weights carry the implicit gradient; under no_grad the solve alone runs. With
    /// <paramref name="lossPoints"/> the output also carries <see cref="PhysicsLoss"/> there (the training loss of
    /// <see cref="SurrogateLoss.Pde"/>), through each expert's own weights.
    /// </summary>
    public SurrogateOutput Forward(Tensor initial, CollocationPoints points, CollocationPoints? lossPoints = null)
    {
        var fields = Problem.BasisFields(_network.call(Problem.NetworkInput(initial)), NetworkFields(Settings));
        if (!Settings.UsesInterfaces) return Constrain(fields, initial, points, lossPoints);
        var n = Settings.Fields;
        return Constrain(fields[.., ..n], initial, points, lossPoints, fields[.., n]);
    }

    // The basis fields, plus the trace field when the experts get interface rows.
    private static int NetworkFields(SurrogateSettings settings) => settings.Fields + (settings.UsesInterfaces ? 1 : 0);

    /// <summary>
    /// The constraint layer alone on given basis fields [batch, N, Times, S] (what <see cref="Forward"/> does after the
    /// network): solves each expert's weights and combines. Lets a test or a diagnostic hand the layer a known basis.
    /// <paramref name="trace"/> [batch, Times, S] gives the interface rows' targets (<see cref="SurrogateSettings.Interfaces"/>).
    /// </summary>
    public SurrogateOutput Constrain(Tensor basis, Tensor initial, CollocationPoints points, CollocationPoints? lossPoints = null, Tensor? trace = null)
    {
        var features = Features(basis, points);
        if (Settings.Method == SurrogateMethod.Soft)
        {
            var ones = TorchSharp.torch.ones(basis.shape[0], 1, 1, dtype: ScalarType.Float64);
            var (residual, _) = Problem.Residual.Evaluate(features, ones);
            return new SurrogateOutput(basis[.., 0].to(ScalarType.Float64), residual, 0,
                lossPoints is null ? null : PhysicsLoss(basis, ones, initial, lossPoints));
        }
        var (a, b) = ConditionRows(basis, initial, points, trace);
        LevenbergMarquardt.ResidualFunction system = w =>
        {
            var (r, j) = Problem.Residual.Evaluate(features, w);
            var linear = matmul(a, w.unsqueeze(-1)).squeeze(-1) - b;
            return (cat([r, linear], -1), cat([j, a], -2));
        };
        var start = zeros(basis.shape[0], Partition.Experts, Settings.Fields, dtype: ScalarType.Float64);
        var solved = LevenbergMarquardt.Solve(system, start, Settings.Solver);
        // The condition rows are linear in w, so the PDE rows alone curve the objective.
        var weights = is_grad_enabled()
            ? LevenbergMarquardt.ImplicitStep(system, solved.Weights, Settings.Solver.Ridge, w => Problem.Residual.Curvature(features, w))
            : solved.Weights;
        Tensor pdeResidual;
        using (no_grad()) pdeResidual = Problem.Residual.Evaluate(features, solved.Weights).Residual;
        return new SurrogateOutput(Combine(basis.to(ScalarType.Float64), weights), pdeResidual, solved.Iterations,
            lossPoints is null ? null : PhysicsLoss(basis, weights, initial, lossPoints, trace));
    }

    /// <summary>
    /// The physics-informed loss of the combined prediction u_θ = Σ_k Σ_n w_{k,n} φ_n on Ω_k (Chalapathi et al. 2024,
    /// Fig. 1: "a loss is computed using the L2-norm of the PDE residual" of u_θ): the mean squared PDE residual of u_θ at
    /// <paramref name="points"/>' PDE points, plus the mean squared initial- and boundary-condition rows as the solve
    /// weights them. The operators act on u_θ itself, so their stencils (or FFTs) see the jumps between experts: this
    /// term is what teaches the experts, which share no rows in the solve (interface rows aside), to agree at their
    /// borders. With a <paramref name="trace"/> its interface rows are loss rows too. Basis [batch, N, Times, S], weights
    /// [batch, K, N], initial [batch, S]; a scalar, differentiable in both.
    /// </summary>
    public Tensor PhysicsLoss(Tensor basis, Tensor weights, Tensor initial, CollocationPoints points, Tensor? trace = null)
    {
        var field = Combine(basis.to(ScalarType.Float64), weights).unsqueeze(1);
        var unit = ones(weights.shape[0], weights.shape[1], 1, dtype: ScalarType.Float64, device: weights.device);
        var (residual, _) = Problem.Residual.Evaluate(Features(field, points), unit);
        var (a, b) = ConditionRows(field, initial, points, trace);
        var conditions = a.squeeze(-1) - b;
        return residual.square().mean() + conditions.square().mean();
    }

    /// <summary>
    /// The PDE residual of a given field u [batch, Times, S] at <paramref name="points"/>' PDE points, [batch, K, P]: what
    /// the constraint asks of u. For the reference solution it measures how far the discretised PDE the layer enforces
    /// (the finite differences in time, the stencils or FFTs in space) is from the solver's data.
    /// </summary>
    public Tensor ResidualOf(Tensor field, CollocationPoints points)
    {
        var unit = ones(field.shape[0], Partition.Experts, 1, dtype: ScalarType.Float64, device: field.device);
        return Problem.Residual.Evaluate(Features(field.to(ScalarType.Float64).unsqueeze(1), points), unit).Residual;
    }

    /// <summary>A copy with the same weights and other settings (e.g. another collocation point count).</summary>
    public ConstrainedSurrogate With(SurrogateSettings settings)
    {
        var copy = new ConstrainedSurrogate(Problem, settings);
        using (no_grad())
        {
            var source = state_dict();
            foreach (var (name, parameter) in copy.state_dict()) parameter.copy_(source[name]);
        }
        return copy;
    }

    /// <summary>u(t, s) = Σ_n w_{k(s), n}·φ_n(t, s), each point weighted by its expert's weights.</summary>
    public Tensor Combine(Tensor basis, Tensor weights)
    {
        var perPoint = weights.index_select(1, tensor(Partition.ExpertOf));
        return einsum("bnts,bsn->bts", basis, perPoint);
    }

    // The operator fields at each expert's collocation points: [batch, N, T·S] gathered to [batch, K, P, N], float64.
    private PdeFeatures Features(Tensor basis, CollocationPoints points)
    {
        var (batch, fields) = (basis.shape[0], basis.shape[1]);
        var (k, p) = (points.Pde.shape[0], points.Pde.shape[1]);
        var flat = points.Pde.flatten();
        Tensor Gather(Tensor field) => field.reshape(batch, fields, -1).index_select(2, flat).view(batch, fields, k, p)
            .permute(0, 2, 3, 1).to(ScalarType.Float64);
        var operators = Problem.OperatorFields(basis).Select(Gather).ToArray();
        var source = Problem.SourceField is { } f
            ? tensor(f).index_select(0, flat).view(1, k, p).expand(batch, k, p)
            : zeros(batch, k, p, dtype: ScalarType.Float64);
        return new PdeFeatures(operators, source);
    }

    // Initial-condition rows (basis at t = 0 = u₀), the problem's boundary rows and, with a trace, the interface rows,
    // weighted, [batch, K, Q, N] and [batch, K, Q].
    private (Tensor A, Tensor B) ConditionRows(Tensor basis, Tensor initial, CollocationPoints points, Tensor? trace)
    {
        var weight = Settings.ConditionWeight;
        var (batch, fields) = (basis.shape[0], basis.shape[1]);
        var (k, q) = (points.Initial.shape[0], points.Initial.shape[1]);
        var flat = points.Initial.flatten();
        var a = basis[.., .., 0, ..].index_select(2, flat).view(batch, fields, k, q).permute(0, 2, 3, 1).to(ScalarType.Float64) * weight;
        var b = initial.index_select(1, flat).view(batch, k, q).to(ScalarType.Float64) * weight;
        if (Problem.BoundaryRows(basis, Partition) is { } boundary)
            (a, b) = (cat([a, boundary.A.to(ScalarType.Float64) * weight], 2), cat([b, boundary.B.to(ScalarType.Float64) * weight], 2));
        if (trace is null) return (a, b);
        var (ia, ib) = InterfaceRows(basis, trace);
        return (cat([a, ia * weight], 2), cat([b, ib * weight], 2));
    }

    // Dirichlet rows at the faces between experts, ½(u(s) + u(s′)) = ½(g(s) + g(s′)) at every t > 0 (t = 0 is the initial
    // condition's), [batch, K, F·(Times − 1), N] and [batch, K, F·(Times − 1)]; a face's rows are zero for the experts
    // not on either side of it, so every expert has the same row count and the solves stay batched.
    private (Tensor A, Tensor B) InterfaceRows(Tensor basis, Tensor trace)
    {
        var faces = Partition.Faces;
        var (inner, outer) = (tensor(faces.Select(f => (long)f.Inner).ToArray()), tensor(faces.Select(f => (long)f.Outer).ToArray()));
        var (batch, fields, k) = (basis.shape[0], basis.shape[1], Partition.Experts);
        // The face cells are gathered first and widened to float64 after, not the whole basis.
        Tensor Face(Tensor field) => 0.5 * (field.index_select(-1, inner).to(ScalarType.Float64) + field.index_select(-1, outer).to(ScalarType.Float64));
        // [batch, N, T−1, F] → [batch, F·(T−1), N]; the trace [batch, T−1, F] → [batch, F·(T−1)].
        var rows = Face(basis[.., .., 1..]).permute(0, 3, 2, 1).reshape(batch, -1, fields);
        var targets = Face(trace[.., 1..]).permute(0, 2, 1).reshape(batch, -1);
        var times = basis.shape[2] - 1;
        var sides = new double[k * faces.Length];
        for (var f = 0; f < faces.Length; f++)
            sides[Partition.ExpertOf[faces[f].Inner] * faces.Length + f] = sides[Partition.ExpertOf[faces[f].Outer] * faces.Length + f] = 1;
        var perRow = tensor(sides).view(k, faces.Length, 1).expand(k, faces.Length, times).reshape(1, k, -1).to(basis.device);
        return (rows.unsqueeze(1) * perRow.unsqueeze(-1), targets.unsqueeze(1) * perRow);
    }
}
