using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Store.Access;
using Monitoring.Store.Cases;
using Npgsql;

namespace Monitoring.Store.Web;

/// <summary>
/// The due list and the public notice list of an area for a caller (the same computation as the <c>due</c> and
/// <c>notice-list</c> verbs: obligations and notices from the case state machine of each household's profile).
/// </summary>
public sealed class CaseQueries(NpgsqlDataSource dataSource, CaseService cases)
{
    /// <summary>Open obligations in <paramref name="area"/> due within <paramref name="withinDays"/> of <paramref name="asOf"/>, overdue first.</summary>
    public IReadOnlyList<DueItem> Due(Caller caller, string? area, int withinDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller);
        if (withinDays is < 0 or > 366)
        {
            throw new ArgumentException("within 应为 0–366 天", nameof(withinDays));
        }

        var scope = caller.ListArea(area);
        var households = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        var obligations = new List<Obligation>();
        var tools = new Dictionary<string, (ObligationCalculator Calculator, CaseFindings Findings)>(StringComparer.Ordinal);
        foreach (var household in Records(scope))
        {
            var ruleSet = cases.RuleSetFor(household);
            if (!tools.TryGetValue(ruleSet.Profile.Id, out var tool))
            {
                tool = (new ObligationCalculator(ruleSet), new CaseFindings(ruleSet, asOf));
                tools[ruleSet.Profile.Id] = tool;
            }

            households[household.Id ?? ""] = household;
            obligations.AddRange(tool.Calculator.For(household, asOf, tool.Findings.ReinclusionFires(household)));
        }

        return [.. DueList.Select(obligations, asOf, withinDays).Select(o =>
        {
            var household = households[o.HouseholdId];
            return new DueItem(o.HouseholdId, ResidentIdText.Mask(CaseTexts.HeadName(household)), household.Region?.VillageCode, household.Helper?.Name,
                o.Kind, o.TitleZh, o.Due, o.Status.ToString().ToLowerInvariant(), o.StatusZh(asOf), o.RuleId, ResidentIdText.Mask(o.BasisZh));
        })];
    }

    /// <summary>The village's public notices running on <paramref name="asOf"/>.</summary>
    public IReadOnlyList<NoticeItem> Notices(Caller caller, string village, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller);
        if (village is not { Length: 12 })
        {
            throw new ArgumentException("village 应为 12 位村级代码", nameof(village));
        }

        var scope = caller.ListArea(village);
        var households = Records(scope).ToList();
        var evaluators = new Dictionary<string, CaseFindings>(StringComparer.Ordinal);
        CaseFindings FindingsFor(HouseholdRecord household)
        {
            var ruleSet = cases.RuleSetFor(household);
            if (!evaluators.TryGetValue(ruleSet.Profile.Id, out var findings))
            {
                evaluators[ruleSet.Profile.Id] = findings = new CaseFindings(ruleSet, asOf);
            }

            return findings;
        }

        var sizes = households.ToDictionary(h => h.Id ?? "", h => h.Members?.Count ?? 0, StringComparer.Ordinal);
        return [.. NoticeList.Build(households, asOf, FindingsFor)
            .Select(e => new NoticeItem(e.HouseholdId, ResidentIdText.Mask(e.HeadName), sizes.GetValueOrDefault(e.HouseholdId), e.Village, e.ProposalZh, e.TypeZh,
                e.Reasons, e.NoticeFrom, e.NoticeUntil))];
    }

    private IEnumerable<HouseholdRecord> Records(string area)
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT v.record::text FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE left(h.village_code, length(@area)) = @area ORDER BY h.id
            """, connection);
        command.Parameters.AddWithValue("area", area);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return CanonicalRecord.Parse(reader.GetString(0));
        }
    }

    private static void RequireRead(Caller caller)
    {
        if (!caller.CanRead)
        {
            throw new NotPermittedException("管理员账号不能查看农户数据");
        }
    }
}
