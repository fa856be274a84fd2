namespace PhysML.Scenes.Loading;

/// <summary>A timeline check: <c>METRIC OP VALUE</c> at the event's frame, and at every later frame when
/// <see cref="Onward"/> is true. <see cref="Metric"/> is a <c>metrics.jsonl</c> key (e.g. <c>fluid.max_divergence</c>).</summary>
public sealed record TimelineAssertion
{
    public required string Metric { get; init; }

    public required ComparisonOperator Op { get; init; }

    public required double Value { get; init; }

    public bool Onward { get; init; }
}
