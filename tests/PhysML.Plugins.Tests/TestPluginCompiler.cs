using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PhysML.Core.Application;

namespace PhysML.Plugins.Tests;

/// <summary>
/// Compiles small plugin DLLs for the tests with Roslyn: a plugin that throws, one built against another engine
/// version, one with no plugin. A real compiler makes real assemblies with real references, which is what the plugin
/// loader inspects; hand-made bytes would test nothing.
/// </summary>
internal static class TestPluginCompiler
{
    private static readonly MetadataReference[] Framework =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Where(p => System.IO.Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    /// <summary>The engine's PhysML.Core, as a plugin references it.</summary>
    public static string EngineCore => typeof(IPlugin).Assembly.Location;

    /// <summary>Compiles <paramref name="source"/> into DIRECTORY/NAME.dll and returns its path.</summary>
    public static string Compile(string directory, string assemblyName, string source, params string[] references)
    {
        Directory.CreateDirectory(directory);
        var compilation = CSharpCompilation.Create(assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            Framework.Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = System.IO.Path.Combine(directory, assemblyName + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }

    /// <summary>A plugin named <paramref name="pluginName"/> whose FixedUpdate system throws from fixed step
    /// <paramref name="throwFromStep"/> on, beside a second system that counts the steps it ran (metric NAME.steps).</summary>
    public static string Faulting(string directory, string pluginName, int throwFromStep) => Compile(directory, "Test.Faulting", $$"""
        using System;
        using PhysML.Core.Application;
        using PhysML.Core.Diagnostics;
        using PhysML.Core.Ecs;

        public sealed class FaultingPlugin : IPlugin
        {
            private int _steps;
            public string Name => "{{pluginName}}";
            public void Build(App app)
            {
                app.AddSystem(Stage.FixedUpdate, "{{pluginName}}.count", world => world.Resource<FrameMetrics>().Set("{{pluginName}}.steps", ++_steps));
                app.AddSystem(Stage.FixedUpdate, "{{pluginName}}.step", world =>
                {
                    if (world.Resource<Time>().FixedStep >= {{throwFromStep}}) throw new InvalidOperationException("the wind table is empty");
                });
            }
        }
        """, EngineCore);

    /// <summary>A plugin DLL with a plugin named <paramref name="pluginName"/> and nothing else.</summary>
    public static string Named(string directory, string assemblyName, string pluginName) => Compile(directory, assemblyName, $$"""
        using PhysML.Core.Application;
        public sealed class NamedPlugin : IPlugin
        {
            public string Name => "{{pluginName}}";
            public void Build(App app) { }
        }
        """, EngineCore);
}
