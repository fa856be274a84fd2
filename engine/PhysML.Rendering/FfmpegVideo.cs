using System.Diagnostics;
using PhysML.Core.Errors;

namespace PhysML.Rendering;

/// <summary>
/// Encodes a directory of PNG frames into an H.264 MP4 with the ffmpeg program (Debian's <c>ffmpeg</c>, installed by
/// scripts/bootstrap.sh). No served .NET package encodes video, so this runs the tool; it writes a temp file beside
/// the output and renames it, so a failed or interrupted encode never leaves a truncated video under the real name.
/// </summary>
public static class FfmpegVideo
{
    /// <summary>The ffmpeg executable on <paramref name="searchPath"/> (the PATH variable when null), or PML0704.</summary>
    public static string Locate(string? searchPath = null)
    {
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "ffmpeg");
            if (File.Exists(candidate)) return candidate;
        }
        throw new PhysMLException(ErrorCodes.FfmpegMissing, ErrorCategory.BadInput,
            "--video needs the ffmpeg program, which is not on PATH: run scripts/bootstrap.sh (Debian package ffmpeg), " +
            "or run without --video and encode frames/*.png later");
    }

    /// <summary>Encodes <paramref name="framesDirectory"/>/*.png, in name order, at <paramref name="framesPerSecond"/>
    /// into <paramref name="output"/>. A failure is PML0705 with ffmpeg's last lines.</summary>
    public static void Encode(string ffmpeg, string framesDirectory, string output, int framesPerSecond)
    {
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        // yuv420p: the pixel format every player decodes; it needs even sides, hence the pad by at most one pixel.
        foreach (var argument in new[]
                 {
                     "-y", "-hide_banner", "-loglevel", "error", "-framerate", framesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-pattern_type", "glob", "-i", Path.Combine(Path.GetFullPath(framesDirectory), "*.png"),
                     "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-f", "mp4", temporary,
                 })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start) ?? throw Failed(output, "the process did not start");
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(temporary) || new FileInfo(temporary).Length == 0)
                throw Failed(output, $"ffmpeg exited with {process.ExitCode}: {Tail(stderr.Result)}");
            File.Move(temporary, full, overwrite: true);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Failed(output, e.Message);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static PhysMLException Failed(string output, string cause) =>
        new(ErrorCodes.VideoEncodingFailed, ErrorCategory.Internal, $"could not encode the video {output}: {cause}");

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(5));
    }
}
