using Monitoring.Engine.Evaluation;

namespace Monitoring.Engine.Store;

/// <summary>A completed run: its id, the evaluation summary, and how its findings compare with the previous run of the profile.</summary>
public sealed record RunResult(long RunId, long? PreviousRunId, EvaluationSummary Summary, long NewFindings, long ResolvedFindings);
