namespace PhysML.Solvers;

/// <summary>
/// A sparse matrix in compressed sparse row form, assembled from a matrix-free operator's stencil: the explicit copy
/// the matrix-free operators are checked against, and what <see cref="Pressure.MatrixMarket"/> writes. Columns are
/// sorted within each row; entries that land on the same column (the two wraps of a 2-cell periodic axis) are summed.
/// </summary>
public sealed class CsrMatrix : ILinearOperator
{
    private CsrMatrix(int size, int[] rowStart, int[] columns, double[] values)
    {
        Size = size;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public int Size { get; }

    /// <summary>Row r's entries are [RowStart[r], RowStart[r + 1]).</summary>
    public int[] RowStart { get; }
    public int[] Columns { get; }
    public double[] Values { get; }

    public int NonZeroCount => RowStart[Size];

    /// <summary>Assembles A from <paramref name="a"/>'s diagonal and couplings (A's off-diagonals are −coupling).</summary>
    public static CsrMatrix FromStencil(IPoissonStencil a)
    {
        var s = a.Shape;
        var (nx, ny, nz) = (s.Nx, s.Ny, s.Nz);
        var plane = nx * ny;
        var rowStart = new int[a.Size + 1];
        var columns = new List<int>(a.Size * 7);
        var values = new List<double>(a.Size * 7);
        var row = new SortedDictionary<int, double>();
        for (var c = 0; c < a.Size; c++)
        {
            var (i, j, k) = (c % nx, c / nx % ny, c / plane);
            row.Clear();
            void Add(int column, double value)
            {
                if (value != 0) row[column] = row.GetValueOrDefault(column) + value;
            }
            var w = c - i + (i == 0 ? nx - 1 : i - 1);
            var e = c - i + (i == nx - 1 ? 0 : i + 1);
            var south = c + ((j == 0 ? ny - 1 : j - 1) - j) * nx;
            var north = c + ((j == ny - 1 ? 0 : j + 1) - j) * nx;
            var back = c + ((k == 0 ? nz - 1 : k - 1) - k) * plane;
            var front = c + ((k == nz - 1 ? 0 : k + 1) - k) * plane;
            Add(c, a.Diagonal[c]);
            Add(e, -a.East[c]);
            Add(w, -a.East[w]);
            Add(north, -a.North[c]);
            Add(south, -a.North[south]);
            Add(front, -a.Front[c]);
            Add(back, -a.Front[back]);
            foreach (var (column, value) in row)
            {
                if (value == 0) continue;
                columns.Add(column);
                values.Add(value);
            }
            rowStart[c + 1] = columns.Count;
        }
        return new CsrMatrix(a.Size, rowStart, columns.ToArray(), values.ToArray());
    }

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var r = 0; r < Size; r++)
        {
            var sum = 0.0;
            for (var p = RowStart[r]; p < RowStart[r + 1]; p++) sum += Values[p] * x[Columns[p]];
            y[r] = sum;
        }
    }

    /// <summary>The entry at (<paramref name="row"/>, <paramref name="column"/>), 0 when not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            var p = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
            return p >= 0 ? Values[p] : 0;
        }
    }
}
