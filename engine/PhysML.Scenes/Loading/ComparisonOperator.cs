using System.Text.Json.Serialization;

namespace PhysML.Scenes.Loading;

/// <summary>How a timeline assertion compares a metric with its value; written as the symbol.</summary>
public enum ComparisonOperator
{
    [JsonStringEnumMemberName("<")] Less,
    [JsonStringEnumMemberName("<=")] LessOrEqual,
    [JsonStringEnumMemberName(">")] Greater,
    [JsonStringEnumMemberName(">=")] GreaterOrEqual,
}
