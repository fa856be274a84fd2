using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Fields.Mac;
using PhysML.Gpu;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids.Tests;

/// <summary>
/// Run-time switches of the pressure solve (the viewer's S, B and T keys) take effect at the next frame boundary:
/// the projection solves with the new solver, the flow stays divergence-free, and the status says what is in effect.
/// </summary>
public class RuntimeControlsTests
{
    private static App Smoke(RuntimeControls controls, GpuDevice? device = null)
    {
        var app = new App(new AppSettings { FixedDelta = 0.02 }).AddPlugin(new FluidPlugin());
        app.World.SetResource(controls);
        if (device is not null) app.World.SetResource(device);
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 32, Ny = 32, CellSize = 1.0 / 32, PressurePreconditioner = PressurePreconditioner.Mic0, PressureTolerance = 1e-8,
            Boundary = new FlowBoundary(new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.Outflow)),
        });
        app.World.Add(app.World.Create(), new SmokeEmitter { X = 0.5, Y = 0.15, Radius = 0.08, DensityRate = 2, VelocityY = 0.5 });
        return app;
    }

    private static string SolverInUse(App app) =>
        app.World.Get<FluidSimulation2D>(app.World.GetEntities(new QueryDescription().WithAll<FluidSimulation2D>())[0]).Projection.Solver.Name;

    [Fact]
    public void CycleSolver_switches_the_preconditioner_at_the_next_frame_and_the_flow_stays_projected()
    {
        var controls = new RuntimeControls();
        using var app = Smoke(controls);
        app.RunFrame(2);
        Assert.Equal("pcg-mic", controls.Status!.Solver);
        Assert.Equal("mic0", controls.Status.Preconditioner);

        controls.Post(RuntimeCommand.CycleSolver);
        Assert.Equal("pcg-mic", SolverInUse(app)); // posted, not yet applied: only a frame boundary applies it
        app.RunFrame(2);

        Assert.Equal("mgpcg", SolverInUse(app));
        // The key went through the timeline's mechanism: a PressureControls request, applied (and checkpointed) as one.
        var requests = app.World.Resource<PressureControls>();
        Assert.Equal(("multigrid", false), (requests.Preconditioner, requests.HasPending));
        Assert.Equal(new RuntimeControlStatus("mgpcg", ComputeBackend.Cpu, null, null) { Preconditioner = "multigrid" }, controls.Status);
        // Tolerance 1e-8 relative: after projection the divergence is at round-off of the solve, far below 1e-4 1/s.
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("fluid.max_divergence", out var divergence));
        Assert.InRange(divergence, 0, 1e-4);

        controls.Post(RuntimeCommand.CycleSolver);
        controls.Post(RuntimeCommand.CycleSolver);
        app.RunFrame(1);
        Assert.Equal("pcg-jacobi", controls.Status!.Solver); // multigrid -> none -> jacobi
        Assert.Equal("jacobi", controls.Status.Preconditioner);
    }

    [Fact]
    public void ToggleBackend_moves_the_solve_to_Vulkan_and_back()
    {
        var controls = new RuntimeControls();
        var device = new GpuDevice(VulkanDeviceOptions.Validated);
        var app = Smoke(controls, device);
        app.RunFrame(1);

        controls.Post(RuntimeCommand.ToggleBackend);
        app.RunFrame(2);
        // mic0 has no Vulkan kernel, so the switch takes multigrid, as Startup would.
        Assert.Equal(new RuntimeControlStatus("mgpcg", ComputeBackend.Vulkan, null, null) { Preconditioner = "multigrid" }, controls.Status);
        Assert.Equal(ComputeBackend.Vulkan, app.World.Resource<ComputeBackend>().Used);

        controls.Post(RuntimeCommand.ToggleBackend);
        app.RunFrame(1);
        Assert.Equal(ComputeBackend.Cpu, controls.Status!.Backend);
        var context = device.Context!;
        app.Dispose();
        Assert.Empty(context.ValidationMessages);
    }

    [Fact]
    public void ToggleTraining_without_a_trained_model_says_so()
    {
        var controls = new RuntimeControls();
        using var app = Smoke(controls);
        controls.Post(RuntimeCommand.ToggleTraining);
        app.RunFrame(1);
        Assert.Null(controls.Status!.Training);
        Assert.Contains("nothing trains online", controls.Status.Note);
    }

    private sealed class IdentityModel : ISearchDirectionModel
    {
        public string Name => "identity";
        public int Version => 1;
        public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q) => r.CopyTo(q);
    }

    private sealed class CountingTrainer : IPressureTrainer
    {
        public int Boundaries;
        public bool Disposed;
        public int Observed;
        public void Observe(IPoissonStencil a, ReadOnlySpan<double> b) => Observed++;
        public ISearchDirectionModel? AtFrameBoundary(int frame) { Boundaries++; return null; }
        public OnlineTrainingStatus Status => new(0, 0, Boundaries, 0, 0.5, 1);
        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Stopping_training_hides_the_solves_from_the_trainer_and_dispose_reaches_it_either_way()
    {
        var trainer = new CountingTrainer();
        var solver = new LearnedPoissonSolver(new IdentityModel(), LearnedMethod.Dcdm, new SolverOptions()) { Trainer = trainer };
        var status = new LearnedPressureStatus(solver, "model.ckpt", new string('0', 64));
        Assert.Equal((true, true), (status.CanTrain, status.Training));

        status.Training = false; // what a PressureControls training request (timeline event, viewer T) sets
        Assert.Equal((true, false, false), (status.CanTrain, status.Training, solver.Training));
        // A closed 4×4 box: b sums to zero, so the (singular) system is consistent.
        var wall = new FlowSide(SideKind.NoSlip);
        var a = new PressurePoisson2D(new MacGrid2D(4, 4, 1.0), new FlowBoundary(wall, wall, wall, wall), new CellKind[16]);
        var b = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();
        solver.Solve(a, b, new double[16]);
        Assert.Equal(0, trainer.Observed);

        status.Training = true;
        solver.Solve(a, b, new double[16]);
        Assert.Equal(1, trainer.Observed);

        status.Training = false;
        status.Dispose(); // stopped when the scene closes: the trainer (and its thread) must still be disposed
        Assert.True(trainer.Disposed);
    }
}
