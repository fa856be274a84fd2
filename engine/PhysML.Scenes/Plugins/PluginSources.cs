namespace PhysML.Scenes.Plugins;

/// <summary>
/// Where a run looks for plugin DLLs, in this order: the files given with <c>--plugin</c>, the <c>plugins/</c> folder
/// next to the scene file, then each folder of the <c>PHYSML_PLUGIN_PATH</c> environment variable (separated by
/// <see cref="Path.PathSeparator"/>). In a folder, a plugin is <c>FOLDER/Name.dll</c> or <c>FOLDER/Name/Name.dll</c>
/// (a build output folder, its dependencies beside it); other DLLs in sub-folders are taken for dependencies.
/// </summary>
public sealed record PluginSources(IReadOnlyList<string> Files, IReadOnlyList<string> Folders)
{
    public const string EnvironmentVariable = "PHYSML_PLUGIN_PATH";
    public const string SceneFolderName = "plugins";

    public static PluginSources None { get; } = new(Array.Empty<string>(), Array.Empty<string>());

    /// <summary>The sources of a run of <paramref name="scenePath"/> (null for verbs without a scene).</summary>
    public static PluginSources For(string? scenePath, IEnumerable<string>? files, string? environment = null)
    {
        var folders = new List<string>();
        if (scenePath is not null)
            folders.Add(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenePath))!, SceneFolderName));
        environment ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(environment))
            folders.AddRange(environment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath));
        return new PluginSources((files ?? []).Select(Path.GetFullPath).ToList(), folders.Distinct().ToList());
    }

    /// <summary>Every plugin DLL of these sources, each once, in search order.</summary>
    public IReadOnlyList<string> Assemblies()
    {
        var found = new List<string>(Files);
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            found.AddRange(Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal));
            foreach (var sub in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                var main = Path.Combine(sub, Path.GetFileName(sub) + ".dll");
                if (File.Exists(main)) found.Add(main);
            }
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The places searched, in words, for "unknown plugin" hints.</summary>
    public string Describe()
    {
        var places = Files.Select(f => $"--plugin {f}")
            .Concat(Folders.Select(f => Directory.Exists(f) ? f : $"{f} (absent)"))
            .ToList();
        return places.Count == 0 ? $"no plugin DLLs (none given with --plugin, no scene folder, {EnvironmentVariable} unset)" : string.Join(", ", places);
    }
}
