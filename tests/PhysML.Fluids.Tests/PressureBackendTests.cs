using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Fields.Mac;
using PhysML.Gpu;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;
using Xunit.Abstractions;

namespace PhysML.Fluids.Tests;

/// <summary>The fluid projection on the Vulkan backend (lavapipe in CI, validation on) and its CPU fallback.</summary>
public class PressureBackendTests(ITestOutputHelper output)
{
    private static App Smoke(string backend, PressurePreconditioner preconditioner, GpuDevice? device = null)
    {
        var app = new App(new AppSettings { FixedDelta = 0.02 }).AddPlugin(new FluidPlugin());
        app.World.SetResource(new ComputeBackend(backend));
        if (device is not null) app.World.SetResource(device);
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 48, Ny = 64, CellSize = 1.0 / 48, PressurePreconditioner = preconditioner, PressureTolerance = 1e-6,
            Boundary = new FlowBoundary(new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.Outflow)),
        });
        app.World.Add(app.World.Create(), new SmokeEmitter { X = 0.5, Y = 0.15, Radius = 0.08, DensityRate = 2, VelocityY = 0.5 });
        app.World.Add(app.World.Create(), new DiskObstacle { X = 0.55, Y = 0.6, Radius = 0.12 });
        return app;
    }

    private static double[] Density(App app) =>
        app.World.Get<FluidSimulation2D>(app.World.GetEntities(new QueryDescription().WithAll<FluidSimulation2D>())[0]).Density.ToArray();

    [Fact]
    public void The_Vulkan_projection_matches_the_CPU_one_and_reports_what_it_used()
    {
        using var cpu = Smoke(ComputeBackend.Cpu, PressurePreconditioner.Multigrid);
        cpu.RunFrame(10);
        var device = new GpuDevice(VulkanDeviceOptions.Validated);
        var gpu = Smoke(ComputeBackend.Vulkan, PressurePreconditioner.Multigrid, device);
        gpu.RunFrame(10);

        Assert.Equal(ComputeBackend.Vulkan, gpu.World.Resource<ComputeBackend>().Used);
        Assert.Empty(gpu.World.Resource<RunWarnings>().Messages);
        var metrics = gpu.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("fluid.max_divergence", out var divergence));
        // Both solve to 1e-6; float against double and a different stopping iterate leave ~1e-6 of the smoke.
        var error = VectorOps.RelativeError(Density(gpu), Density(cpu));
        output.WriteLine($"{device.Context!.DeviceName}: density relative difference {error:E2} after 10 steps, max div {divergence:E2}");
        Assert.InRange(error, 0, 1e-4);
        var context = device.Context!;
        gpu.Dispose();
        Assert.True(context.IsDisposed);
        Assert.Empty(context.ValidationMessages);
    }

    [Fact]
    public void Without_a_Vulkan_device_the_run_stays_on_the_CPU_with_one_warning()
    {
        using var cpu = Smoke(ComputeBackend.Cpu, PressurePreconditioner.Mic0);
        cpu.RunFrame(3);
        using var fallback = Smoke(ComputeBackend.Vulkan, PressurePreconditioner.Mic0, GpuDevice.Unavailable("no ICD found (test)"));
        fallback.RunFrame(3);

        Assert.Equal(ComputeBackend.Cpu, fallback.World.Resource<ComputeBackend>().Used);
        var warning = Assert.Single(fallback.World.Resource<RunWarnings>().Messages);
        Assert.Contains("no Vulkan device is available (no ICD found (test))", warning);
        Assert.Equal(Density(cpu), Density(fallback));
    }

    [Fact]
    public void MIC0_asked_of_the_GPU_becomes_multigrid_with_a_warning()
    {
        using var gpu = Smoke(ComputeBackend.Vulkan, PressurePreconditioner.Mic0, new GpuDevice(VulkanDeviceOptions.Validated));
        gpu.RunFrame(1);
        Assert.Contains(gpu.World.Resource<RunWarnings>().Messages, m => m.Contains("uses multigrid"));
        Assert.Equal(ComputeBackend.Vulkan, gpu.World.Resource<ComputeBackend>().Used);
    }
}
