namespace PhysML.Core.Application;

/// <summary>
/// Marks a component its plugin reads once, at Startup (a domain that sizes the grids, obstacles rasterised into a
/// solver, a probe whose column is fixed): changing, adding or removing it later has no effect. Scene timelines refuse
/// such changes at load rather than let them pass silently; a sweep, which edits the scene before it loads, may vary
/// any field.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class ReadAtStartupAttribute : Attribute;
