namespace PhysML.Core.Errors;

/// <summary>
/// The catalogue of error codes. Codes are never reused; each has a page <c>docs/errors/CODE.md</c>
/// (a test checks that every code here has one).
/// </summary>
public static class ErrorCodes
{
    // 00xx: engine core (ECS, App)
    public const string DuplicatePlugin = "PML0001";
    public const string StructuralChangeDuringIteration = "PML0002";
    public const string DeadEntity = "PML0003";
    public const string MissingResource = "PML0004";
    public const string MissingComponent = "PML0005";
    public const string SystemOrdering = "PML0006";
    public const string SystemFailed = "PML0007";

    // 01xx: scene files
    public const string SceneSyntax = "PML0101";
    public const string SceneSchema = "PML0102";
    public const string UnknownComponent = "PML0103";
    public const string UnknownPlugin = "PML0104";
    public const string InvalidValue = "PML0105";
    public const string SceneNotFound = "PML0106";
    public const string InvalidArgument = "PML0107";
    public const string InvalidTimeline = "PML0108";

    // 02xx: solvers
    public const string SolverNotConverged = "PML0201";

    // 03xx: simulation health
    public const string NonFiniteValue = "PML0301";

    // 04xx: platform (Vulkan, TorchSharp, windowing)
    public const string NoVulkanDevice = "PML0401";
    public const string TorchSharpUnavailable = "PML0402";
    public const string VulkanCallFailed = "PML0403";

    // 05xx: learned models (checkpoints, training)
    public const string CheckpointInvalid = "PML0501";
    public const string CheckpointIncompatible = "PML0502";
    public const string NetworkGridTooLarge = "PML0503";

    // 06xx: scenarios (timelines, sweeps)
    public const string AssertionFailed = "PML0601";

    // 08xx: plugins (loading from DLLs, engine versions, faults)
    public const string PluginDisabled = "PML0801";
    public const string PluginFileNotFound = "PML0802";
    public const string PluginNotAssembly = "PML0803";
    public const string PluginAssemblyHasNoPlugin = "PML0804";
    public const string PluginIncompatible = "PML0805";
    public const string PluginNameConflict = "PML0806";
    public const string PluginLoadFailed = "PML0807";
    public const string CheckpointUnsupported = "PML0602";
    public const string RunCheckpointInvalid = "PML0603";
    public const string RunNotResumable = "PML0604";
    public const string CheckpointSceneChanged = "PML0605";
    // 07xx: viewer (window, presentation)
    public const string DisplayUnavailable = "PML0710";
    public const string PresentationUnavailable = "PML0711";
    public const string ScreenshotFailed = "PML0712";
    // 07xx: rendering (frames, video)
    public const string UnknownRenderField = "PML0701";
    public const string RenderFieldNotDrawable = "PML0702";
    public const string InvalidRenderSize = "PML0703";
    public const string FfmpegMissing = "PML0704";
    public const string VideoEncodingFailed = "PML0705";
    // 09xx: neural surrogates (constrained PDE models)
    public const string SurrogateSettingsInvalid = "PML0901";
    public const string SurrogateCheckpointInvalid = "PML0902";
    public const string SurrogateModelMismatch = "PML0903";
}
