using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>The right-hand side f of −∇²u = f; see <see cref="PoissonSourceKind"/>.</summary>
public readonly record struct PoissonSource : IValidatable
{
    public PoissonSource() { }

    public PoissonSourceKind Kind { get; init; } = PoissonSourceKind.SineMode;
    /// <summary>Sine mode: the amplitude of the solution u (f is amplitude·(kx² + ky²)·sin·sin).</summary>
    public double Amplitude { get; init; } = 1;
    public int ModeX { get; init; } = 1;
    public int ModeY { get; init; } = 1;
    /// <summary>Constant: f, u's unit per m².</summary>
    public double Value { get; init; }
    /// <summary>Point charges: where and how strong.</summary>
    public PointCharge[] Charges { get; init; } = [];

    /// <summary>Fills f at the cell centres of <paramref name="grid"/>.</summary>
    public void Rasterise(in Grid2D grid, Span<double> f)
    {
        f.Clear();
        switch (Kind)
        {
            case PoissonSourceKind.SineMode:
                var kx = ModeX * Math.PI / grid.Width;
                var ky = ModeY * Math.PI / grid.Height;
                var scale = Amplitude * (kx * kx + ky * ky);
                for (var j = 0; j < grid.Ny; j++)
                    for (var i = 0; i < grid.Nx; i++)
                        f[grid.Index(i, j)] = scale * Math.Sin(kx * grid.CenterX(i)) * Math.Sin(ky * grid.CenterY(j));
                break;
            case PoissonSourceKind.Constant:
                f.Fill(Value);
                break;
            default:
                foreach (var q in Charges)
                {
                    // A charge on the far edge belongs to the last cell.
                    var i = Math.Min((int)(q.X / grid.Dx), grid.Nx - 1);
                    var j = Math.Min((int)(q.Y / grid.Dy), grid.Ny - 1);
                    f[grid.Index(i, j)] += q.Charge / (grid.Dx * grid.Dy);
                }
                break;
        }
    }

    // Value equality for the charges too (a record compares arrays by reference), so a re-set component with the same
    // charges is not mistaken for a change.
    public bool Equals(PoissonSource other) =>
        Kind == other.Kind && Amplitude.Equals(other.Amplitude) && ModeX == other.ModeX && ModeY == other.ModeY &&
        Value.Equals(other.Value) && Charges.AsSpan().SequenceEqual(other.Charges);

    public override int GetHashCode() => HashCode.Combine(Kind, Amplitude, ModeX, ModeY, Value, Charges.Length);

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("amplitude", Amplitude)
            .Concat(Check.InRange("modeX", ModeX, 1, 4096))
            .Concat(Check.InRange("modeY", ModeY, 1, 4096))
            .Concat(Check.Finite("value", Value))
            .Concat(Charges.SelectMany((q, i) => Check.Nested($"charges[{i}]", q)))
            .Concat(Kind == PoissonSourceKind.PointCharges && Charges.Length == 0
                ? [new FieldError("charges", "kind pointCharges needs at least one charge")]
                : []);
}
