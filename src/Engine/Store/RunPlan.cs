namespace Monitoring.Engine.Store;

/// <summary>How a run evaluates: every household (full) or only those due (incremental), and why, in Chinese.</summary>
public sealed record RunPlan(string Mode, string ReasonZh, long? PreviousRunId)
{
    public const string Full = "full";
    public const string Incremental = "incremental";

    public bool IsFull => Mode == Full;
}
