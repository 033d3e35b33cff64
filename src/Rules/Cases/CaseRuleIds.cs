namespace Monitoring.Rules.Cases;

/// <summary>
/// The ids the case commands refuse with — the one place code names them. The PROC-* ids are catalogue rules
/// (rules/workflows: their clause and title are the rule's own); the CASE-* ids are the checks of
/// <c>rules/case-checks.yaml</c>. The loader checks that both exist, so a refusal always resolves in the rule set.
/// </summary>
public static class CaseRuleIds
{
    public const string StepOrder = "PROC-STEP-ORDER";
    public const string NoticeShort = "PROC-NOTICE-SHORT";
    public const string ReleaseNoticeShort = "PROC-RELEASE-NOTICE-SHORT";
    public const string ReleaseSteps = "PROC-RELEASE-STEPS";

    /// <summary>Warned (not refused) at a county announcement while risk findings are in force.</summary>
    public const string ReleasePremature = "PROC-RELEASE-PREMATURE";

    public const string FutureDate = "CASE-DATE-FUTURE";
    public const string OpenCase = "CASE-OPEN";
    public const string NotIncluded = "CASE-NOT-INCLUDED";
    public const string NotReleased = "CASE-NOT-RELEASED";
    public const string MonitoringType = "CASE-MONITORING-TYPE";
    public const string Duplicate = "CASE-DUPLICATE";
    public const string Correction = "CASE-CORRECTION";
    public const string Arguments = "CASE-ARGUMENTS";

    /// <summary>The catalogue rules the case commands enforce or warn with.</summary>
    public static IReadOnlyList<string> CatalogueRules { get; } = [StepOrder, NoticeShort, ReleaseNoticeShort, ReleaseSteps, ReleasePremature];

    /// <summary>The checks <c>rules/case-checks.yaml</c> must define, each exactly once.</summary>
    public static IReadOnlyList<string> Checks { get; } = [FutureDate, OpenCase, NotIncluded, NotReleased, MonitoringType, Duplicate, Correction, Arguments];
}
