using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace PhysML.Benchmarks;

/// <summary>
/// The default configuration: a ShortRun job (1 launch, 3 warm-ups, 3 iterations), memory diagnoser, ratio columns.
/// Sized for a small (2-core) machine and a run of a few minutes; pass <c>--job</c> on the command line to override
/// (e.g. <c>--job medium</c> for tighter error bars).
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .AddColumn(RankColumn.Arabic)
            // Results go next to the binaries (ignored by git), not into whatever directory the command ran from.
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        // A job given on the command line replaces the default rather than adding a second one.
        var jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        return jobGiven ? config : config.AddJob(Job.ShortRun);
    }
}
