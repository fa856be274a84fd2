using PhysML.Core.Diagnostics;
using PhysML.Fields.Probes;

namespace PhysML.Solvers.Tests;

public class FieldSamplerTests
{
    // Linear interpolation is exact for a linear field, so probes must read f exactly between samples.
    private static double F(double x, double y, double z) => 1 + x + 2 * y + 3 * z;

    [Fact]
    public void A_3D_cell_field_is_sampled_exactly_for_a_linear_function()
    {
        const int nx = 6, ny = 5, nz = 4;
        const double h = 0.1;
        var values = new double[nx * ny * nz];
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                    values[(k * ny + j) * nx + i] = F((i + 0.5) * h, (j + 0.5) * h, (k + 0.5) * h);
        var field = new FieldView("f", "1", new[] { nz, ny, nx }, () => values) { Spacing = new[] { h, h, h } };

        Assert.True(FieldSampler.CanSample(field));
        Assert.Equal(F(0.23, 0.31, 0.17), FieldSampler.Sample(field, 0.23, 0.31, 0.17), 12);
    }

    [Fact]
    public void A_2D_face_field_uses_its_offsets()
    {
        // u faces of a 4×3 MAC grid sit at x = i·h (offset 0 along x), y = (j + ½)h.
        const double h = 0.25;
        var values = new double[3 * 5];
        for (var j = 0; j < 3; j++)
            for (var i = 0; i < 5; i++)
                values[j * 5 + i] = F(i * h, (j + 0.5) * h, 0);
        var field = new FieldView("u", "m/s", new[] { 3, 5 }, () => values) { Spacing = new[] { h, h }, Offset = new[] { 0.5, 0.0 } };

        Assert.Equal(F(0.61, 0.4, 0), FieldSampler.Sample(field, 0.61, 0.4), 12);
    }
}
