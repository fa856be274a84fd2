namespace PhysML.Core.Validation;

/// <summary>
/// One invalid field value. <see cref="Field"/> is a path relative to the validated value, as the scene file spells
/// it, with dots for nesting (e.g. <c>boundary.left.value</c>).
/// </summary>
public readonly record struct FieldError(string Field, string Message);
