namespace PhysML.Core.Errors;

/// <summary>A field became NaN or infinite (PML0301): names the field, the cell and the fixed step where it first did.</summary>
public sealed class NonFiniteValueException(string field, IReadOnlyList<int> cell, double value, long fixedStep, string hint)
    : PhysMLException(ErrorCodes.NonFiniteValue, ErrorCategory.Simulation,
        $"field '{field}' became {value} at cell [{string.Join(", ", cell)}] (C order) in fixed step {fixedStep}. {hint}")
{
    public string Field { get; } = field;
    public IReadOnlyList<int> Cell { get; } = cell;
    public long FixedStep { get; } = fixedStep;
}
