using Monitoring.Engine.Findings;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Explaining;

/// <summary>Why a rule fired or did not for one household: every condition with its values, and the parameters in force.</summary>
public sealed class RuleExplanation
{
    public required RuleDefinition Rule { get; init; }

    public required bool Fired { get; init; }

    /// <summary>The finding exactly as <c>evaluate</c> writes it, when the rule fired.</summary>
    public Finding? Finding { get; init; }

    /// <summary>Why the rule was not evaluated at all (not in force, a parameter without a value), if so.</summary>
    public string? NotEvaluatedReason { get; init; }

    /// <summary>Condition trees: one for a household rule, one per member for a member rule.</summary>
    public required IReadOnlyList<(string? MemberId, ConditionExplanation Root)> Trees { get; init; }

    public required IReadOnlyList<ResolvedParameter> Parameters { get; init; }
}
