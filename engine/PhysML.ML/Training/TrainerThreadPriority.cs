using System.Runtime.InteropServices;

namespace PhysML.ML.Training;

/// <summary>
/// Puts the calling thread at the lowest OS scheduling priority. On Linux .NET's <see cref="Thread.Priority"/> changes
/// nothing for an unprivileged process, so this sets the thread's nice value to 19 with setpriority(PRIO_PROCESS, tid)
/// (Linux schedules threads as tasks; raising one's own nice value needs no privilege). With nice 19 the trainer gets
/// about 1.5% of a core that a nice-0 simulation thread also wants, and all of an idle one.
/// </summary>
public static class TrainerThreadPriority
{
    private const int PrioProcess = 0;
    private const int LowestNice = 19;
    private static int _nice = LowestNice;

    /// <summary>On by default; <c>physml bench training --compare-priority</c> turns it off for a run to measure what it
    /// changes. Read when a trainer thread starts.</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>The nice value a lowered thread takes on Linux, 0–19 (default 19, the lowest). A lower value trains
    /// faster on a busy machine and takes more from the scene: with nice n the trainer gets a weight of about
    /// 1024/1.25ⁿ against each simulation thread's 1024 (<c>physml bench training --trainer-nice</c> measures it).</summary>
    public static int Nice
    {
        get => _nice;
        set => _nice = value is >= 0 and <= LowestNice ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "nice must be in 0..19");
    }

    /// <summary>Lowers the calling thread; true when the OS took it (false elsewhere than Linux, when not
    /// <see cref="Enabled"/>, or on failure).</summary>
    public static bool LowerCurrentThread()
    {
        if (!Enabled) return false;
        Thread.CurrentThread.Priority = ThreadPriority.Lowest; // what Windows and macOS honour
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return setpriority(PrioProcess, gettid(), _nice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a libc without gettid (glibc < 2.30): the thread keeps the process's priority
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new background thread at the lowest priority; the task completes
    /// (or faults) when it ends. For trainer-side work that must not compete with the frame (as the thread pool would,
    /// at normal priority).</summary>
    public static Task RunLowest(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            LowerCurrentThread();
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = name }.Start();
        return done.Task;
    }

    /// <summary>The calling thread's nice value on Linux (for tests), null elsewhere.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux()) return null;
        Marshal.SetLastPInvokeError(0);
        var nice = getpriority(PrioProcess, gettid());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
}
