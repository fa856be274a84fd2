using PhysML.ML.Training;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Tests;

/// <summary>The trainer's scheduling (nice 19 on Linux, so training never takes a core the simulation wants) and the
/// per-phase time record that attributes frame-time spikes.</summary>
public class TrainerThreadPriorityTests
{
    [Fact]
    public void A_lowered_thread_runs_at_nice_19_on_Linux_and_other_threads_keep_theirs()
    {
        if (!OperatingSystem.IsLinux()) return; // the nice value is Linux's; elsewhere Thread.Priority is the mechanism
        var before = TrainerThreadPriority.CurrentNice();
        int? lowered = null;
        var thread = new Thread(() =>
        {
            TrainerThreadPriority.LowerCurrentThread();
            lowered = TrainerThreadPriority.CurrentNice();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(19, lowered);
        Assert.Equal(before, TrainerThreadPriority.CurrentNice()); // per thread: this one, which started it, is unchanged
    }

    [Fact]
    public async Task RunLowest_runs_its_work_at_nice_19()
    {
        if (!OperatingSystem.IsLinux()) return;
        int? nice = null;
        await TrainerThreadPriority.RunLowest("test-lowest", () => nice = TrainerThreadPriority.CurrentNice());
        Assert.Equal(19, nice);
    }

    [Fact]
    public async Task RunLowest_surfaces_a_failure_through_its_task()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => TrainerThreadPriority.RunLowest("test-failure", () => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task Activity_adds_each_phase_s_time_and_shows_a_phase_while_it_runs()
    {
        var activity = new TrainerActivity();
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = Task.Run(() => activity.Time("train", () => { inside.Set(); release.Wait(); }));
        inside.Wait();
        Assert.Equal(["train"], activity.Running());
        Assert.Equal(0, activity.Milliseconds()["train"]); // added when the phase ends
        Thread.Sleep(20);
        release.Set();
        await running;
        Assert.Empty(activity.Running());
        Assert.InRange(activity.Milliseconds()["train"], 15, double.MaxValue);
        Assert.Equal(0, activity.Milliseconds()["validate"]);
        Assert.Throws<ArgumentException>(() => activity.Time("nap", () => { }));
    }
}
