using Monitoring.Engine.Explaining;

namespace Monitoring.Store.Replay;

/// <summary>One rule as replayed for one household: fired or not, and every condition with its values (as the web serialises it).</summary>
public sealed record ReplayedRule(string RuleId, bool Fired, IReadOnlyList<ConditionExplanation> Conditions, RuleExplanation Explanation);
