namespace PhysML.Core.Validation;

/// <summary>
/// A component (or settings value) that checks its own field values. The scene loader calls it after reading the
/// component and reports each problem with the file, line:column and JSON path of the offending field.
/// </summary>
public interface IValidatable
{
    IEnumerable<FieldError> Validate();
}
