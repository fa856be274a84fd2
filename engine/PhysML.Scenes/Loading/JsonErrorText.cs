using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PhysML.Scenes.Loading;

/// <summary>
/// Turns System.Text.Json's messages ("The JSON value could not be converted to System.Double…") into ones a scene
/// author can act on ("expected a number"), listing the allowed names for enums and unknown fields.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(JsonException error)
    {
        var message = StripLocation(error.Message);
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return "invalid value: expected " + Expected(converted.Groups["type"].Value);
        if (Unmapped().Match(message) is { Success: true } unmapped)
            return $"unknown field '{unmapped.Groups["name"].Value}'; known fields: {KnownFields(unmapped.Groups["type"].Value)}";
        if (MissingRequired().Match(message) is { Success: true } missing)
            return $"missing required field(s) {missing.Groups["names"].Value}";
        return message;
    }

    /// <summary>camelCase names of a type's settable public properties, as scene files spell them.</summary>
    public static string KnownFields(Type type) => string.Join(", ", type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null)
        .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                     ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .Order(StringComparer.Ordinal));

    private static string KnownFields(string typeName) => FindType(typeName) is { } type ? KnownFields(type) : "(unknown type)";

    private static string Expected(string typeName)
    {
        var nullable = NullableOf().Match(typeName);
        if (nullable.Success) typeName = nullable.Groups["inner"].Value;
        return typeName switch
        {
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Int32" or "System.Int64" or "System.Int16" => "an integer",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            _ when typeName.StartsWith("System.Collections.Generic.List") || typeName.EndsWith("[]") => "an array",
            _ when typeName.StartsWith("System.Collections.Generic.Dictionary") => "an object",
            _ => FindType(typeName) switch
            {
                { IsEnum: true } e => "one of: " + string.Join(", ", EnumNames(e)),
                { } t => $"an object with fields: {KnownFields(t)}",
                null => typeName,
            },
        };
    }

    /// <summary>An enum's values as scene files spell them: camelCase, or the name a value declares for JSON.</summary>
    public static IEnumerable<string> EnumNames(Type enumType) => enumType
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name
                     ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name));

    private static Type? FindType(string fullName) => AppDomain.CurrentDomain.GetAssemblies()
        .Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);

    private static string StripLocation(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.?$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
