namespace PhysML.Core.Errors;

/// <summary>
/// Every error PhysML raises on purpose carries a code (<c>PML0001</c>…) with a page in <c>docs/errors/</c>
/// that shows a failing example and the fix, in the spirit of Bevy's B0001 codes.
/// </summary>
public class PhysMLException : Exception
{
    public PhysMLException(string code, ErrorCategory category, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Category = category;
    }

    /// <summary>The stable error code, e.g. <c>PML0101</c>.</summary>
    public string Code { get; }

    public ErrorCategory Category { get; }

    /// <summary>Where the error is documented, relative to the repository root.</summary>
    public string HelpPath => $"docs/errors/{Code}.md";

    /// <summary>The message as a user sees it: code first, then what failed and what to do.</summary>
    public override string ToString() => $"error {Code}: {Message} (see {HelpPath})";
}
