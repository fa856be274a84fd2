using System.Reflection;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

/// <summary>Every error code is unique, well-formed, and has its page in docs/errors/ (the message points there).</summary>
public class ErrorCodeDocsTests
{
    private static readonly string[] Codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!).ToArray();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhysML.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhysML.sln not found above the test binaries");
    }

    [Fact]
    public void Codes_are_unique_and_shaped_PML_and_four_digits()
    {
        Assert.Equal(Codes.Length, Codes.Distinct().Count());
        Assert.All(Codes, code => Assert.Matches("^PML[0-9]{4}$", code));
    }

    [Fact]
    public void Every_code_has_a_page_with_an_example_and_a_fix()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "errors");
        foreach (var code in Codes)
        {
            var page = Path.Combine(docs, $"{code}.md");
            Assert.True(File.Exists(page), $"missing {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {code}", text);
            Assert.Contains("fix", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
