namespace Monitoring.Engine.Cases;

/// <summary>A case command refused: the message names the rule and its clause, e.g. "PROC-STEP-ORDER（000 row 78）：…".</summary>
public sealed class CaseRejectedException : Exception
{
    public CaseRejectedException(CaseRule rule, string reason)
        : base($"{rule.Id}（{rule.Clause}）：{reason}")
    {
        Rule = rule;
        Reason = reason;
    }

    public CaseRejectedException()
    {
        Rule = CaseRule.Arguments;
        Reason = "";
    }

    public CaseRejectedException(string message)
        : base(message)
    {
        Rule = CaseRule.Arguments;
        Reason = message;
    }

    public CaseRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = CaseRule.Arguments;
        Reason = message;
    }

    public CaseRule Rule { get; }

    public string Reason { get; }
}
