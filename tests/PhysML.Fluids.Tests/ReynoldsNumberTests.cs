using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

public class ReynoldsNumberTests
{
    private static FluidDomain Cavity(double lidSpeed, double reynolds, double viscosity = 0) => new()
    {
        Nx = 32, Ny = 32, CellSize = 2.0 / 32, Reynolds = reynolds, Viscosity = viscosity,
        Boundary = new FlowBoundary(new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.NoSlip), new(SideKind.NoSlip, lidSpeed)),
    };

    [Fact]
    public void Reynolds_sets_the_viscosity_from_the_lid_speed_and_the_domain_width()
    {
        // ν = U·L/Re: a 2 m cavity with a 0.5 m/s lid at Re = 100 has ν = 0.01 m²/s; the lid's direction does not matter.
        Assert.Equal(0.01, Cavity(0.5, 100).KinematicViscosity, 15);
        Assert.Equal(0.01, Cavity(-0.5, 100).KinematicViscosity, 15);
        Assert.Equal(0.02, Cavity(0.5, 50).KinematicViscosity, 15);
        Assert.Equal(0.003, Cavity(0.5, 0, viscosity: 0.003).KinematicViscosity);
        Assert.Empty(Cavity(0.5, 100).Validate());
    }

    [Fact]
    public void Reynolds_with_a_viscosity_or_without_a_moving_wall_is_refused_naming_the_field()
    {
        var both = Assert.Single(Cavity(0.5, 100, viscosity: 0.01).Validate());
        Assert.Equal("reynolds", both.Field);
        Assert.Contains("not both", both.Message);
        var still = Assert.Single(Cavity(0, 100).Validate());
        Assert.Equal("reynolds", still.Field);
        Assert.Contains("velocity scale", still.Message);
    }
}
