using System.Globalization;

namespace PhysML.Solvers.Pressure;

/// <summary>
/// Writes systems in NIST Matrix Market text format (https://math.nist.gov/MatrixMarket/formats.html), which SciPy
/// (<c>scipy.io.mmread</c>), MATLAB and Julia read: so our solvers can be checked against other libraries.
/// Written by hand: the format is a header and one line per entry.
/// </summary>
public static class MatrixMarket
{
    /// <summary>The pressure operator as "coordinate real symmetric" (lower triangle, 1-based), all cells included
    /// (solid cells are identity rows).</summary>
    public static void WriteSymmetric(TextWriter writer, PressurePoisson2D a)
    {
        var (nx, ny) = (a.Grid.Nx, a.Grid.Ny);
        var entries = new List<(int Row, int Column, double Value)>();
        for (var k = 0; k < a.Size; k++)
        {
            var (i, j) = (k % nx, k / nx);
            entries.Add((k, k, a.Diagonal[k]));
            if (a.East[k] != 0) entries.Add(Lower(k, j * nx + (i + 1) % nx, -a.East[k]));
            if (a.North[k] != 0) entries.Add(Lower(k, ((j + 1) % ny) * nx + i, -a.North[k]));
        }
        entries.Sort((p, q) => p.Column != q.Column ? p.Column.CompareTo(q.Column) : p.Row.CompareTo(q.Row));
        writer.WriteLine("%%MatrixMarket matrix coordinate real symmetric");
        writer.WriteLine($"% PhysML pressure operator A = -h^2 laplacian, {nx}x{ny} cells, row-major (index = j*nx + i)");
        writer.WriteLine($"{a.Size} {a.Size} {entries.Count}");
        foreach (var (row, column, value) in entries)
            writer.WriteLine($"{row + 1} {column + 1} {value.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>A vector as "array real general" (one column).</summary>
    public static void WriteVector(TextWriter writer, ReadOnlySpan<double> values, string comment)
    {
        writer.WriteLine("%%MatrixMarket matrix array real general");
        writer.WriteLine($"% {comment}");
        writer.WriteLine($"{values.Length} 1");
        foreach (var v in values) writer.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
    }

    private static (int, int, double) Lower(int a, int b, double value) => a > b ? (a, b, value) : (b, a, value);
}
