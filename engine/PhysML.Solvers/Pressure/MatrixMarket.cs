using System.Globalization;

namespace PhysML.Solvers.Pressure;

/// <summary>
/// Writes systems in NIST Matrix Market text format (https://math.nist.gov/MatrixMarket/formats.html), which SciPy
/// (<c>scipy.io.mmread</c>), MATLAB and Julia read: so our solvers can be checked against other libraries.
/// Written by hand: the format is a header and one line per entry.
/// </summary>
public static class MatrixMarket
{
    /// <summary>The pressure operator as "coordinate real symmetric" (lower triangle, 1-based, column by column),
    /// all cells included (solid cells are identity rows), assembled through <see cref="CsrMatrix"/>; 2D or 3D.</summary>
    public static void WriteSymmetric(TextWriter writer, IPoissonStencil a)
    {
        var csr = CsrMatrix.FromStencil(a);
        var entries = new List<(int Row, int Column, double Value)>();
        for (var r = 0; r < csr.Size; r++)
            for (var p = csr.RowStart[r]; p < csr.RowStart[r + 1]; p++)
                if (csr.Columns[p] <= r) entries.Add((r, csr.Columns[p], csr.Values[p]));
        entries.Sort((p, q) => p.Column != q.Column ? p.Column.CompareTo(q.Column) : p.Row.CompareTo(q.Row));
        var s = a.Shape;
        writer.WriteLine("%%MatrixMarket matrix coordinate real symmetric");
        writer.WriteLine(s.Nz == 1
            ? $"% PhysML pressure operator A = -h^2 laplacian, {s.Nx}x{s.Ny} cells, row-major (index = j*nx + i)"
            : $"% PhysML pressure operator A = -h^2 laplacian, {s.Nx}x{s.Ny}x{s.Nz} cells (index = (k*ny + j)*nx + i)");
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
}
