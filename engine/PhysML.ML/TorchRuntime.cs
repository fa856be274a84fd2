using System.Reflection;
using PhysML.Core.Errors;
using TorchSharp;

namespace PhysML.ML;

/// <summary>
/// The one entry point to TorchSharp: loads the native runtime, picks the device, sets threads and seeds.
/// Following the TorchSharp examples, a model or trainer calls it first ("seed first, pick the device once") and then
/// places its modules and tensors on <see cref="TorchRuntimeInfo.Device"/>.
/// </summary>
public static class TorchRuntime
{
    /// <summary>
    /// Initialises libtorch with <paramref name="settings"/> and reports what it runs on.
    /// Calling it again re-seeds and re-applies the settings; libtorch itself is loaded only once per process.
    /// </summary>
    /// <exception cref="PhysMLException">The native runtime could not be loaded (code PML0402).</exception>
    public static TorchRuntimeInfo Initialize(TorchRuntimeSettings settings = default)
    {
        if (settings.Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Threads,
                "TorchRuntimeSettings.Threads must be 0 (libtorch's default) or positive.");
        }

        bool cuda;
        try
        {
            // Loads libLibTorchSharp.so and libtorch; the first place a broken native install shows up.
            torch.InitializeDeviceType(DeviceType.CPU);
            cuda = settings.PreferCuda && torch.cuda.is_available();
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException
                                      or BadImageFormatException)
        {
            throw new PhysMLException(ErrorCodes.TorchSharpUnavailable, ErrorCategory.Internal,
                $"TorchSharp's native runtime could not be loaded ({FirstLine(e.GetBaseException().Message)}). "
                + "On Linux, rebuild so that build/TorchSharpNativeFixup.targets patches libLibTorchSharp.so "
                + "(run scripts/bootstrap.sh first); "
                + "LD_DEBUG=libs,versions shows which library or symbol version is missing.", e);
        }

        if (settings.Threads > 0)
        {
            torch.set_num_threads(settings.Threads);
        }
        // Seeds the CPU generator and, through libtorch, every CUDA device's generator.
        torch.random.manual_seed(settings.Seed);

        return new TorchRuntimeInfo(
            TorchSharpVersion: TorchSharpVersion(),
            LibTorchVersion: torch.__version__,
            Device: cuda ? "cuda:0" : "cpu",
            Threads: torch.get_num_threads(),
            Seed: settings.Seed);
    }

    // "0.107.0" from "0.107.0+<commit>": the informational version carries the source revision.
    private static string TorchSharpVersion()
    {
        Assembly assembly = typeof(torch).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).TrimEnd('.', ' ');
    }
}
