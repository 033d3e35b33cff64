namespace Monitoring.Rules.Cases;

/// <summary>The file <c>rules/case-checks.yaml</c> as written.</summary>
public sealed class CaseChecksDocument
{
    public List<CaseCheck> Checks { get; set; } = [];
}
