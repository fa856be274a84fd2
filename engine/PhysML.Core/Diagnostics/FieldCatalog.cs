using PhysML.Core.Checkpoints;

namespace PhysML.Core.Diagnostics;

/// <summary>
/// The named fields a scene exposes for dumping, display and probes (e.g. <c>temperature</c>), as a resource.
/// Plugins register a field once; readers get its current values through the view's reader.
/// </summary>
[NoCheckpointState("views onto state that plugins register at Startup")]
public sealed class FieldCatalog
{
    private readonly List<FieldView> _fields = new();

    public IReadOnlyList<FieldView> Fields => _fields;

    public void Register(FieldView field)
    {
        if (_fields.Any(f => f.Name == field.Name))
            throw new InvalidOperationException($"a field named '{field.Name}' is already registered");
        _fields.Add(field);
    }

    public FieldView? Find(string name) => _fields.FirstOrDefault(f => f.Name == name);

    public IEnumerable<string> Names => _fields.Select(f => f.Name);
}
