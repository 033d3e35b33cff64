using Monitoring.Engine.Findings;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>
/// Builds a village's public notice list on a date: households whose village public notice (public_notice) is recorded and
/// which are not yet county-approved, and households whose release village notice (village_notice) is recorded and not yet
/// announced — each only while its notice runs (from its date to its last day, both included; a notice without a last day
/// from its date on). Inclusion first, then release, each by notice date then household id. The records are those as
/// recorded by <c>asOf</c>.
/// </summary>
public static class NoticeList
{
    public static IReadOnlyList<NoticeListEntry> Build(IEnumerable<HouseholdRecord> households, DateOnly asOf, CaseFindings findings) => Build(households, asOf, _ => findings);

    /// <summary>As above, with the evaluator of each household's own profile.</summary>
    public static IReadOnlyList<NoticeListEntry> Build(IEnumerable<HouseholdRecord> households, DateOnly asOf, Func<HouseholdRecord, CaseFindings> findingsFor)
    {
        bool Running(DateOnly from, DateOnly? until) => from <= asOf && (until is null || asOf <= until);
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(findingsFor);
        var entries = new List<NoticeListEntry>();
        foreach (var household in households)
        {
            var state = CaseStates.Of(household.Case);
            if (state == CaseState.Identifying && household.Case!.Inclusion?.FirstOrDefault(s => s.Step == "public_notice") is { Date: { } from } notice && Running(from, notice.Until))
            {
                var outcome = findingsFor(household).Outcome(household);
                var type = household.Case.ProposedType ?? outcome.CandidateType;
                var risks = outcome.Findings.Where(f => f.Severity == "risk").Select(f => f.RuleId);
                entries.Add(Entry(household, "拟纳入监测", type, RiskReasons.Of(risks), from, notice.Until));
            }
            else if (state == CaseState.Releasing && household.Case!.Release?.Steps?.FirstOrDefault(s => s.Step == "village_notice") is { Date: { } start } release && Running(start, release.Until))
            {
                entries.Add(Entry(household, "拟消除风险", household.MonitoringType, ["返贫致贫风险已稳定消除"], start, release.Until));
            }
        }

        return [.. entries.OrderBy(e => e.ProposalZh == "拟纳入监测" ? 0 : 1).ThenBy(e => e.NoticeFrom).ThenBy(e => e.HouseholdId, StringComparer.Ordinal)];
    }

    private static NoticeListEntry Entry(HouseholdRecord household, string proposal, string? type, IReadOnlyList<string> reasons, DateOnly from, DateOnly? until) => new()
    {
        HouseholdId = household.Id ?? "",
        HeadName = CaseTexts.HeadName(household),
        Village = household.Region?.Village ?? "",
        ProposalZh = proposal,
        TypeZh = type is null ? "" : CandidateType.Zh(type),
        Reasons = reasons,
        NoticeFrom = from,
        NoticeUntil = until,
    };
}
