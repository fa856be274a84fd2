using PhysML.Fields;
using PhysML.Pde;

namespace PhysML.Pde.Tests;

/// <summary>Bad component values are reported by Validate() with the field as the scene file spells it.</summary>
public class ValidationTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new WaveMembrane().Validate());
        Assert.Empty(new Burgers1D().Validate());
        Assert.Empty(new Burgers2D().Validate());
        Assert.Empty(new PoissonProblem().Validate());
    }

    [Fact]
    public void A_membrane_with_a_negative_wave_speed_negative_damping_or_too_few_cells_is_rejected()
    {
        var membrane = new WaveMembrane
        {
            Nx = 1, WaveSpeed = -1, Damping = -0.1, Initial = new WaveInitial { Radius = 0, ModeX = 0 },
            Boundary = BoxBoundary.All(EdgeCondition.Dirichlet(double.NaN)),
        };
        Assert.Equal(
            new[] { "nx", "waveSpeed", "damping", "initial.modeX", "initial.radius", "boundary.left.value",
                "boundary.right.value", "boundary.bottom.value", "boundary.top.value" },
            membrane.Validate().Select(e => e.Field));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void A_negative_or_non_finite_viscosity_is_rejected(double viscosity)
    {
        Assert.Equal("viscosity", Assert.Single(new Burgers1D { Viscosity = viscosity }.Validate()).Field);
        Assert.Equal("viscosity", Assert.Single(new Burgers2D { Viscosity = viscosity }.Validate()).Field);
    }

    [Fact]
    public void Burgers_grids_too_small_and_bad_initial_values_are_rejected()
    {
        var one = new Burgers1D { Nx = 3, Length = 0, Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopfX } };
        Assert.Equal(new[] { "nx", "length", "initial.kind" }, one.Validate().Select(e => e.Field));
        var two = new Burgers2D { N = 2, Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopf, Amplitude = 1, Mode = 0 } };
        Assert.Equal(new[] { "n", "initial.amplitude", "initial.mode" }, two.Validate().Select(e => e.Field));
        Assert.Contains("[0, 1)", two.Validate().ElementAt(1).Message);
        Assert.Empty(new Burgers1D { Viscosity = 0, Initial = new BurgersInitial { Kind = BurgersInitialKind.Sine, Amplitude = 5 } }.Validate());
    }

    [Fact]
    public void A_Poisson_problem_with_too_few_cells_or_charges_outside_is_rejected()
    {
        var problem = new PoissonProblem
        {
            Nx = 1, SolverTolerance = 0,
            Source = new PoissonSource { Kind = PoissonSourceKind.PointCharges, Charges = [new PointCharge { X = 1.5, Y = 0.5 }] },
        };
        Assert.Equal(new[] { "nx", "source.charges[0].x", "solverTolerance" }, problem.Validate().Select(e => e.Field));
        var empty = new PoissonProblem { Source = new PoissonSource { Kind = PoissonSourceKind.PointCharges } };
        Assert.Equal("source.charges", Assert.Single(empty.Validate()).Field);
    }
}
