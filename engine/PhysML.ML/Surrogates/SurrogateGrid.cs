namespace PhysML.ML.Surrogates;

/// <summary>
/// The space-time grid a surrogate predicts on: <see cref="Times"/> samples from t = 0 to the horizon, and
/// <see cref="Rows"/> × <see cref="Columns"/> spatial points (Rows = 1 for a 1D problem), flattened as s = row·Columns +
/// column. Fields are [batch, ..., Times, Spatial].
/// </summary>
public readonly record struct SurrogateGrid(int Times, int Rows, int Columns)
{
    public int Spatial => Rows * Columns;
    public int Points => Times * Spatial;
    public int SpatialDimensions => Rows == 1 ? 1 : 2;
}
