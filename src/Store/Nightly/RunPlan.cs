using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>How a run evaluates: every household (full) or only those due (incremental), and why, in Chinese.</summary>
public sealed record RunPlan(string Mode, string ReasonZh, long? PreviousRunId)
{
    public const string Full = "full";
    public const string Incremental = "incremental";

    public bool IsFull => Mode == Full;

    /// <summary>The run reads each household as described on its as-of (a change is described after it): a past night, full.</summary>
    public bool PointInTime { get; init; }
}
