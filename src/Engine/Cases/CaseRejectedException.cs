using Monitoring.Rules.Cases;

namespace Monitoring.Engine.Cases;

/// <summary>
/// A case command refused: the message names the rule and its clause, e.g. "PROC-STEP-ORDER（000 row 78）：…"; the rule
/// (id, clause, title) is the rule set's (<see cref="CaseRules.Refusal"/>).
/// </summary>
public sealed class CaseRejectedException : Exception
{
    public CaseRejectedException(CaseRule rule, string reason)
        : base($"{rule?.Id}（{rule?.Clause}）：{reason}")
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Reason = reason;
    }

    public CaseRejectedException()
        : this("")
    {
    }

    public CaseRejectedException(string message)
        : base(message)
    {
        Rule = Unresolved;
        Reason = message;
    }

    public CaseRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = Unresolved;
        Reason = message;
    }

    /// <summary>The rule (id, clause, title) the command was refused by.</summary>
    public CaseRule Rule { get; }

    public string Reason { get; }

    /// <summary>A refusal made from a message alone names no clause.</summary>
    private static CaseRule Unresolved => new(CaseRuleIds.Arguments, "", "");
}
