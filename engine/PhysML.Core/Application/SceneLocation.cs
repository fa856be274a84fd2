using PhysML.Core.Checkpoints;

namespace PhysML.Core.Application;

/// <summary>
/// The directory of the scene file an App was loaded from: relative file paths inside a scene (a pressure model's
/// checkpoint) resolve against it, so a scene means the same file whatever directory <c>physml</c> runs in.
/// </summary>
[NoCheckpointState("the scene file's directory")]
public sealed record SceneLocation(string Directory)
{
    /// <summary>The full path of <paramref name="path"/>: as given when rooted, else under <see cref="Directory"/>.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Directory, path));
}
