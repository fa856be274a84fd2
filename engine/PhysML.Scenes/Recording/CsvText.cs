namespace PhysML.Scenes.Recording;

/// <summary>CSV cells as PhysML writes them (probes.csv, sweep.csv): RFC 4180, quoted only when they hold a comma,
/// quote or line break.</summary>
internal static class CsvText
{
    public static string Quote(string text) =>
        text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
