using PhysML.Core.Application;
using PhysML.Core.Errors;

namespace PhysML.Vorticity.Tests;

public class VorticityDomainValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new VorticityDomain().Validate());
    }

    [Theory]
    [InlineData(48)]
    [InlineData(100)]
    public void N_must_be_a_power_of_two(int n)
    {
        var error = Assert.Single(new VorticityDomain { N = n }.Validate());
        Assert.Equal("n", error.Field);
        Assert.Contains("power of two", error.Message);
    }

    [Fact]
    public void A_negative_viscosity_is_an_error_and_zero_is_allowed()
    {
        var error = Assert.Single(new VorticityDomain { Viscosity = -1e-3 }.Validate());
        Assert.Equal("viscosity", error.Field);
        Assert.Empty(new VorticityDomain { Viscosity = 0 }.Validate());
    }

    [Fact]
    public void Other_fields_name_themselves()
    {
        var domain = new VorticityDomain
        {
            N = 16, Length = 0, MaxCfl = 2, MaxSubsteps = 0,
            Initial = new InitialVorticity { Kind = InitialVorticityKind.TaylorGreen, ModeX = 8, ModeY = 0, Alpha = -1 },
        };
        var fields = domain.Validate().Select(e => e.Field).ToHashSet();
        Assert.Equal(new HashSet<string> { "length", "maxCfl", "maxSubsteps", "initial.alpha", "initial.modeY", "initial.modeX" }, fields);
    }

    [Fact]
    public void A_domain_built_in_code_is_validated_at_startup()
    {
        var app = new App(new AppSettings { FixedDelta = 0.01 }).AddPlugin(new VorticityPlugin());
        app.World.Add(app.World.Create(), new VorticityDomain { N = 48, Viscosity = -1 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Equal("vorticityDomain.n", error.Field);
        Assert.Contains("n: must be a power of two", error.Message);
        Assert.Contains("viscosity", error.Message);
    }
}
