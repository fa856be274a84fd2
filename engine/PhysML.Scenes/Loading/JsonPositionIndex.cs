using System.Text;
using System.Text.Json;

namespace PhysML.Scenes.Loading;

/// <summary>
/// Maps every JSON path in a document (<c>$.entities[3].components.heatSource.power</c>) to where it is written.
/// JsonElement forgets positions, so errors found after parsing (unknown component, invalid value) look the path up
/// here. Built in one pass of <see cref="Utf8JsonReader"/>; a property's position is that of its name.
/// </summary>
public sealed class JsonPositionIndex
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    private JsonPositionIndex() { }

    public static JsonPositionIndex Build(ReadOnlySpan<byte> utf8)
    {
        var index = new JsonPositionIndex();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, SceneJson.ReaderOptions);
        var path = new List<Segment>();
        string? pendingProperty = null;

        while (reader.Read())
        {
            var position = ToPosition(utf8, lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString()!;
                    index._positions.TryAdd(Format(path, pendingProperty), position);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var key = EnterValue(path, ref pendingProperty);
                    index._positions.TryAdd(Format(path, key), position);
                    path.Add(new Segment(key, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    continue;
                case JsonTokenType.Comment:
                    continue;
                default:
                    var valueKey = EnterValue(path, ref pendingProperty);
                    index._positions.TryAdd(Format(path, valueKey), position);
                    continue;
            }
        }
        return index;
    }

    /// <summary>The position of a path, or of its nearest written ancestor (a missing field points at its object).</summary>
    public SourcePosition? Find(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_positions.TryGetValue(p, out var position)) return position;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? (path == "$" ? "" : "$") : path[..cut];
    }

    // A value inside an array takes the next index; inside an object, the pending property name.
    private static string? EnterValue(List<Segment> path, ref string? pendingProperty)
    {
        if (path.Count == 0) return null;
        var top = path[^1];
        if (top.NextIndex >= 0)
        {
            path[^1] = top with { NextIndex = top.NextIndex + 1 };
            return $"[{top.NextIndex}]";
        }
        var name = pendingProperty;
        pendingProperty = null;
        return name;
    }

    private static string Format(List<Segment> path, string? last)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in path.Skip(1)) Append(builder, segment.Key);
        if (path.Count > 0 || last is not null) Append(builder, last);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string? key)
    {
        if (key is null) return;
        if (key.StartsWith('[')) builder.Append(key);
        else builder.Append('.').Append(key);
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }

    private static SourcePosition ToPosition(ReadOnlySpan<byte> utf8, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        // Columns count characters, not bytes, so a name with non-ASCII letters does not shift them.
        var column = Encoding.UTF8.GetCharCount(utf8.Slice(lineStarts[line], offset - lineStarts[line])) + 1;
        return new SourcePosition(line + 1, column);
    }

    private readonly record struct Segment(string? Key, int NextIndex);
}
