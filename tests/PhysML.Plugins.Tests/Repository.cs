namespace PhysML.Plugins.Tests;

/// <summary>Paths in the repository the tests run from, and the build configuration they were built in.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the test binaries sit in bin/CONFIGURATION/net10.0/.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PhysML.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhysML.sln not found above the test binaries");
    }
}
