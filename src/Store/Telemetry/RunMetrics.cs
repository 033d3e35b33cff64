using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Monitoring.Store.Telemetry;

/// <summary>
/// Metrics of the nightly runs (meter <c>Monitoring.Runs</c>): runs by outcome, run duration, households evaluated and
/// findings written. Exported by the service's OpenTelemetry set-up (docs/deployment.md).
/// </summary>
public sealed class RunMetrics : IDisposable
{
    public const string MeterName = "Monitoring.Runs";

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _households;
    private readonly Counter<long> _findings;

    public RunMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _runs = _meter.CreateCounter<long>("monitoring.runs", "{run}", "Nightly runs by outcome (completed | failed)");
        _duration = _meter.CreateHistogram<double>("monitoring.run.duration", "s", "Duration of a nightly run");
        _households = _meter.CreateCounter<long>("monitoring.run.households_evaluated", "{household}", "Households evaluated by nightly runs");
        _findings = _meter.CreateCounter<long>("monitoring.run.findings", "{finding}", "Findings written by nightly runs");
    }

    public void Completed(string mode, TimeSpan duration, long householdsEvaluated, long findings)
    {
        var tags = new TagList { { "outcome", "completed" }, { "mode", mode } };
        _runs.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        _households.Add(householdsEvaluated, new KeyValuePair<string, object?>("mode", mode));
        _findings.Add(findings, new KeyValuePair<string, object?>("mode", mode));
    }

    public void Failed(TimeSpan duration)
    {
        var tags = new TagList { { "outcome", "failed" } };
        _runs.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
