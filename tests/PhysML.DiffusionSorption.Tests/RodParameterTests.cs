using PhysML.DiffusionSorption;

namespace PhysML.DiffusionSorption.Tests;

public class RodParameterTests
{
    [Fact]
    public void Defaults_are_PDEBench_values()
    {
        // pdebench/data_gen/configs/diff-sorp.yaml and sim_diff_sorp.py
        var rod = new DiffusionSorptionRod();
        Assert.Equal(1024, rod.Nx);
        Assert.Equal(1.0, rod.Length);
        Assert.Equal(5e-4, rod.Diffusivity);
        Assert.Equal(0.29, rod.Porosity);
        Assert.Equal(2880.0, rod.BulkDensity);
        Assert.Equal(3.5e-4, rod.FreundlichK);
        Assert.Equal(0.874, rod.FreundlichExponent);
        Assert.Equal(1.0, rod.InletConcentration);
        Assert.Equal(1e-6, rod.RetardationEpsilon);
        Assert.Equal(InitialKind.RandomConstant, rod.Initial.Kind);
        Assert.Equal(0.0, rod.Initial.Low);
        Assert.Equal(0.2, rod.Initial.High);
        Assert.Equal(BoundaryStencil.PdeBench, rod.Boundary);
        Assert.Equal(DiffusionSorptionScheme.Implicit, rod.Scheme);
        Assert.Empty(rod.Validate());
    }

    [Fact]
    public void Retardation_is_the_Freundlich_factor_with_PDEBench_epsilon()
    {
        var rod = new DiffusionSorptionRod();
        var c = 0.71 / 0.29 * 2880 * 3.5e-4 * 0.874; // ≈ 2.157
        Assert.Equal(c, rod.SorptionCoefficient, 12);
        Assert.Equal(1 + c * Math.Pow(0.5 + 1e-6, -0.126), rod.Retardation(0.5), 12);
        Assert.Equal(1 + c * Math.Pow(1e-6, -0.126), rod.Retardation(0), 12); // finite at u = 0: ≈ 12.3
        Assert.Equal(rod.Retardation(0), rod.Retardation(-1e-3), 15);       // clamped below 0, no NaN
        Assert.Equal(1.0, (rod with { FreundlichK = 0 }).Retardation(0.3));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Porosity_outside_zero_to_one_is_rejected(double porosity)
    {
        var errors = new DiffusionSorptionRod { Porosity = porosity }.Validate().ToList();
        var error = Assert.Single(errors);
        Assert.Equal("porosity", error.Field);
        Assert.Contains("(0, 1]", error.Message);
    }

    [Fact]
    public void Porosity_one_is_allowed_and_switches_sorption_off()
    {
        var rod = new DiffusionSorptionRod { Porosity = 1 };
        Assert.Empty(rod.Validate());
        Assert.Equal(1.0, rod.Retardation(0.1));
    }

    [Theory]
    [InlineData(-5e-4)]
    [InlineData(0.0)]
    public void A_non_positive_diffusivity_is_rejected(double d)
    {
        var error = Assert.Single(new DiffusionSorptionRod { Diffusivity = d }.Validate());
        Assert.Equal("diffusivity", error.Field);
    }

    [Fact]
    public void Other_bad_values_name_their_fields()
    {
        var rod = new DiffusionSorptionRod
        {
            Nx = 2, FreundlichK = -1, FreundlichExponent = 0, RetardationEpsilon = 0,
            Initial = new InitialConcentration { Low = 0.3, High = 0.2 },
        };
        var fields = rod.Validate().Select(e => e.Field).ToArray();
        Assert.Equal(new[] { "nx", "freundlichK", "freundlichExponent", "retardationEpsilon", "initial.high" }, fields);
    }
}
