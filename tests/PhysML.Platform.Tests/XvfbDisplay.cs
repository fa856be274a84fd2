using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PhysML.Platform.Tests;

/// <summary>
/// An X display for window tests: the one in DISPLAY when it is set (the test script exports one), otherwise a
/// private Xvfb started here and killed on Dispose.
/// </summary>
/// <remarks>
/// Xvfb picks a free display number itself (-displayfd writes the number it took to our stdout), so two test runs on
/// one machine cannot race for the same :N. DISPLAY is set with libc setenv because GLFW reads it with getenv,
/// which does not see .NET's Environment.SetEnvironmentVariable on Unix.
/// </remarks>
public sealed class XvfbDisplay : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process? _xvfb;
    private readonly StringBuilder _xvfbErrors = new();

    public XvfbDisplay()
    {
        string? existing = Environment.GetEnvironmentVariable("DISPLAY");
        if (!string.IsNullOrEmpty(existing))
        {
            Display = existing;
            return;
        }

        var start = new ProcessStartInfo("Xvfb")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _xvfb = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "DISPLAY is not set and Xvfb could not be started: install xvfb (run scripts/bootstrap.sh) or export DISPLAY.", e);
        }

        // Xvfb warns on stderr (e.g. about /tmp/.X11-unix ownership); drain it so it cannot block on a full pipe.
        _xvfb.ErrorDataReceived += (_, e) =>
        {
            lock (_xvfbErrors)
            {
                _xvfbErrors.AppendLine(e.Data);
            }
        };
        _xvfb.BeginErrorReadLine();

        string? number = ReadDisplayNumber(_xvfb);
        if (number is null)
        {
            string errors;
            lock (_xvfbErrors)
            {
                errors = _xvfbErrors.ToString();
            }

            Dispose();
            throw new InvalidOperationException($"Xvfb did not report a display within {StartTimeout.TotalSeconds} s. Its stderr:\n{errors}");
        }

        Display = ":" + number;
        StartedHere = true;
        SetNativeEnvironment("DISPLAY", Display);
    }

    /// <summary>The display in use, e.g. ":99".</summary>
    public string Display { get; }

    /// <summary>True when this fixture started its own Xvfb.</summary>
    public bool StartedHere { get; }

    public void Dispose()
    {
        if (StartedHere)
        {
            // The server is going away; a DISPLAY naming it would only mislead later code in this process.
            _ = unsetenv("DISPLAY");
            Environment.SetEnvironmentVariable("DISPLAY", null);
        }

        if (_xvfb is not null)
        {
            if (!_xvfb.HasExited)
            {
                _xvfb.Kill();
                _xvfb.WaitForExit(5000);
            }

            _xvfb.Dispose();
        }
    }

    private static string? ReadDisplayNumber(Process xvfb)
    {
        Task<string?> line = xvfb.StandardOutput.ReadLineAsync();
        return line.Wait(StartTimeout) ? line.Result?.Trim() : null;
    }

    private static void SetNativeEnvironment(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    // DllImport rather than LibraryImport: the source-generated form needs AllowUnsafeBlocks in this test project.
    [DllImport("libc", SetLastError = true)]
    private static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", SetLastError = true)]
    private static extern int unsetenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
