using System.Text.RegularExpressions;

namespace PhysML.Plugins.Tests.Guide;

/// <summary>
/// Every ```csharp block of docs/plugin-guide.md is compiled: each is marked <c>&lt;!-- snippet: NAME --&gt;</c> and must
/// equal, line for line, <c>#region NAME</c> of the C# files in this folder, which the build compiles and the tests
/// run. (Compiling the markdown with Roslyn at test time would need each fragment wrapped in made-up context; keeping
/// the code in real files also lets the guide's test snippets run as tests, and an IDE check them as you type.)
/// </summary>
public partial class PluginGuideTests
{
    private static readonly string Guide = Repository.Path("docs", "plugin-guide.md");

    [GeneratedRegex(@"^(?<marker><!-- snippet: (?<name>[a-z-]+) -->\n)?```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^[ \t]*#region (?<name>[a-z-]+)\n(?<code>.*?)^[ \t]*#endregion", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Region();

    private static Dictionary<string, string> Regions() =>
        Directory.GetFiles(Repository.Path("tests", "PhysML.Plugins.Tests", "Guide"), "*.cs")
            .SelectMany(file => Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            .ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["code"].Value));

    private static string Dedent(string code)
    {
        var lines = code.TrimEnd('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Fact]
    public void Every_csharp_block_of_the_guide_is_a_compiled_region_verbatim()
    {
        var regions = Regions();
        var blocks = CSharpBlock().Matches(File.ReadAllText(Guide).ReplaceLineEndings("\n"));
        Assert.True(blocks.Count >= 8, $"the guide has only {blocks.Count} C# blocks");
        foreach (Match block in blocks)
        {
            var name = block.Groups["name"].Value;
            Assert.True(block.Groups["marker"].Success, $"a ```csharp block of the guide has no <!-- snippet: NAME --> line before it:\n{block.Value}");
            Assert.True(regions.TryGetValue(name, out var code), $"snippet '{name}' has no #region {name} in tests/PhysML.Plugins.Tests/Guide");
            Assert.Equal(code, block.Groups["code"].Value.TrimEnd('\n'));
        }
        var used = blocks.Select(b => b.Groups["name"].Value).ToHashSet();
        Assert.All(regions.Keys, region => Assert.Contains(region, used)); // no region the guide has dropped
    }
}
