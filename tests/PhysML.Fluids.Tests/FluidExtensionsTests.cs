using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;
using PhysML.Solvers;

namespace PhysML.Fluids.Tests;

/// <summary>The fluid plugin's extension points for other plugins: force fields and named pressure preconditioners.</summary>
public class FluidExtensionsTests
{
    private sealed class UniformForce(double ax, double ay) : IFluidForce2D
    {
        public string Name => "test.uniform";
        public int Calls { get; private set; }

        public void Apply(MacVelocity2D velocity, double time, double dt)
        {
            Calls++;
            foreach (ref var u in velocity.U.AsSpan()) u += ax * dt;
            foreach (ref var v in velocity.V.AsSpan()) v += ay * dt;
        }
    }

    private static App Fluid(FluidDomain domain, Action<FluidExtensions>? extend = null)
    {
        var app = new App(new AppSettings { FixedDelta = 0.01 });
        extend?.Invoke(FluidExtensions.Of(app.World)); // before the fluid plugin is added: order does not matter
        app.AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), domain);
        return app;
    }

    [Fact]
    public void A_uniform_force_in_a_closed_box_is_all_pressure_and_moves_nothing()
    {
        var force = new UniformForce(3, -9.81);
        using var app = Fluid(new FluidDomain { Nx = 16, Ny = 16, CellSize = 1.0 / 16, PressurePreconditioner = Solvers.Pressure.PressurePreconditioner.Mic0 },
            e => e.AddForce(force));
        app.RunFrame(3);

        // A uniform acceleration is the gradient of a·x: the projection turns it into hydrostatic pressure exactly, so
        // the flow stays at rest to the solver's tolerance (1e-6 relative on a right-hand side of size |a|·dt).
        Assert.Equal(3, force.Calls);
        var speed = app.World.Resource<FieldCatalog>().Find("speed")!.Read().ToArray();
        Assert.True(speed.Max() < 1e-6 * 10 * 0.01, $"max speed {speed.Max():E3} m/s");
        var pressure = app.World.Resource<FieldCatalog>().Find("pressure")!.Read().ToArray();
        Assert.True(pressure.Max() - pressure.Min() > 5, "the force shows up as a pressure gradient");
    }

    [Fact]
    public void A_registered_preconditioner_is_used_by_name_and_matches_the_built_in_one()
    {
        double Iterations(FluidDomain domain, Action<FluidExtensions>? extend = null)
        {
            using var app = Fluid(domain with { Initial = new InitialFlow { Kind = InitialFlowKind.Uniform, Speed = 1 } }, extend);
            app.RunFrame(2);
            return app.World.Resource<FrameMetrics>().TryGet("solve.iterations", out var i) ? i : double.NaN;
        }
        var domain = new FluidDomain { Nx = 24, Ny = 24, CellSize = 1.0 / 24, PressurePreconditioner = Solvers.Pressure.PressurePreconditioner.Jacobi };

        var builtIn = Iterations(domain);
        // The same Jacobi preconditioner, through the plugin path: the same CG, so the same iterations exactly.
        var plugged = Iterations(domain with { CustomPreconditioner = "myJacobi" },
            e => e.AddPreconditioner("myJacobi", a => new JacobiPreconditioner(a.Diagonal.ToArray())));
        Assert.True(builtIn > 0);
        Assert.Equal(builtIn, plugged);
    }

    private sealed class BrokenForce : IFluidForce2D
    {
        public string Name => "test.broken";
        public void Apply(MacVelocity2D velocity, double time, double dt) => throw new IndexOutOfRangeException("no such face");
    }

    [Fact]
    public void A_force_that_throws_is_named_in_the_fluid_steps_failure()
    {
        using var app = Fluid(new FluidDomain { Nx = 8, Ny = 8, CellSize = 1.0 / 8 }, e => e.AddForce(new BrokenForce()));
        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(1));
        Assert.Equal(ErrorCodes.SystemFailed, error.Code);
        Assert.Contains("system 'fluid.step' of plugin 'fluid'", error.Message);
        Assert.Contains("force field 'test.broken'", error.Message);
        Assert.Contains("no such face", error.Message);
    }

    private sealed class UniformForce3D(double ax, double ay, double az) : IFluidForce3D
    {
        public string Name => "test.uniform3d";

        public void Apply(MacVelocity3D velocity, double time, double dt)
        {
            foreach (ref var u in velocity.U.AsSpan()) u += ax * dt;
            foreach (ref var v in velocity.V.AsSpan()) v += ay * dt;
            foreach (ref var w in velocity.W.AsSpan()) w += az * dt;
        }
    }

    [Fact]
    public void A_constant_3D_force_moves_the_fluid_as_the_built_in_body_force_does()
    {
        // A vertical shaft, open at the bottom and the top (outflow: p = 0), inviscid: the fluid falls freely, v = −g·t.
        var shaft = new FluidDomain
        {
            Nx = 6, Ny = 10, Nz = 6, CellSize = 0.1, PressurePreconditioner = Solvers.Pressure.PressurePreconditioner.Jacobi,
            Boundary = new FlowBoundary(new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.Outflow), new(SideKind.Outflow)),
        };
        double[] Fall(FluidDomain domain, Action<FluidExtensions>? extend = null)
        {
            using var app = Fluid(domain, extend);
            app.RunFrame(3);
            return app.World.Resource<FieldCatalog>().Find("v")!.Read().ToArray();
        }

        var builtIn = Fall(shaft with { BodyForceY = -9.81 });
        var plugged = Fall(shaft, e => e.AddForce(new UniformForce3D(0, -9.81, 0)));

        // The same additions in the same substep (after the built-in forces, which add nothing else here): the same bits.
        Assert.Equal(builtIn, plugged);
        // And it is gravity: every face falls at g·t after 3 steps of 0.01 s (the projection has nothing to remove).
        Assert.All(plugged, v => Assert.Equal(-9.81 * 0.03, v, 1e-9));
    }

    [Fact]
    public void A_registered_preconditioner_matches_the_built_in_jacobi_in_3D()
    {
        double Iterations(FluidDomain domain, Action<FluidExtensions>? extend = null)
        {
            using var app = Fluid(domain, extend);
            app.RunFrame(2);
            return app.World.Resource<FrameMetrics>().TryGet("solve.iterations", out var i) ? i : double.NaN;
        }
        var domain = new FluidDomain
        {
            Nx = 12, Ny = 12, Nz = 12, CellSize = 1.0 / 12, PressurePreconditioner = Solvers.Pressure.PressurePreconditioner.Jacobi,
            BodyForceX = 3, BodyForceY = -9.81, BodyForceZ = 1, // in a closed box: all pressure, a solve with work to do
        };

        var builtIn = Iterations(domain);
        var built = 0;
        var plugged = Iterations(domain with { CustomPreconditioner = "myJacobi" },
            e => e.AddPreconditioner("myJacobi", a => { built++; return new JacobiPreconditioner(a.Diagonal.ToArray()); }));

        Assert.Equal(1, built); // the plugin's preconditioner ran (built once: the 3D operator's stencil does not change)
        Assert.True(builtIn > 0);
        Assert.Equal(builtIn, plugged);
    }

    [Fact]
    public void Names_are_unique_and_a_3D_domain_takes_a_custom_preconditioner()
    {
        var extensions = new FluidExtensions().AddPreconditioner("p", a => new JacobiPreconditioner(a.Diagonal.ToArray()));
        Assert.Throws<InvalidOperationException>(() => extensions.AddPreconditioner("p", a => new JacobiPreconditioner(a.Diagonal.ToArray())));

        Assert.Empty(new FluidDomain { Nx = 8, Ny = 8, Nz = 8, CustomPreconditioner = "p" }.Validate());
    }

    [Fact]
    public void An_unregistered_name_is_refused_at_startup_naming_the_field()
    {
        using var app = Fluid(new FluidDomain { Nx = 8, Ny = 8, CellSize = 1.0 / 8, CustomPreconditioner = "ssor" });
        var error = Assert.Throws<ComponentValueException>(app.Startup);
        Assert.Equal("fluidDomain.customPreconditioner", error.Field);
        Assert.Contains("registered: none", error.Message);
    }
}
