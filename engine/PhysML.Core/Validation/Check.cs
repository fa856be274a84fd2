namespace PhysML.Core.Validation;

/// <summary>Small predicates for <see cref="IValidatable"/> implementations, so messages read the same everywhere.</summary>
public static class Check
{
    public static IEnumerable<FieldError> Positive(string field, double value) =>
        value > 0 && double.IsFinite(value) ? [] : [new FieldError(field, $"must be a positive finite number, got {value}")];

    public static IEnumerable<FieldError> NonNegative(string field, double value) =>
        value >= 0 && double.IsFinite(value) ? [] : [new FieldError(field, $"must be a finite number >= 0, got {value}")];

    public static IEnumerable<FieldError> Finite(string field, double value) =>
        double.IsFinite(value) ? [] : [new FieldError(field, $"must be a finite number, got {value}")];

    public static IEnumerable<FieldError> InRange(string field, int value, int min, int max) =>
        value >= min && value <= max ? [] : [new FieldError(field, $"must be between {min} and {max}, got {value}")];

    /// <summary>Prefixes nested errors with the field that holds the nested value.</summary>
    public static IEnumerable<FieldError> Nested(string field, IValidatable value) =>
        value.Validate().Select(e => e with { Field = $"{field}.{e.Field}" });
}
