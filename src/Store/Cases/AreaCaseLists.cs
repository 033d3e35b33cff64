using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Store.Access;
using Npgsql;

namespace Monitoring.Store.Cases;

/// <summary>
/// The case lists of an area for the web: the due list (到期事项) of a village, town or county and a village's public
/// notice (公示). The area is the caller's or one inside it (<see cref="Caller.ListArea"/>: outside it is
/// <see cref="OutsideAreaException"/>); households are read from the records in force, filtered by area in SQL, as recorded
/// by the day asked for (<see cref="CaseService.AsOf(IReadOnlyList{HouseholdRecord}, DateOnly)"/>); deadlines
/// and notice rules are the case procedure's (<see cref="ObligationCalculator"/>, <see cref="NoticeList"/>). The pages, the API
/// and the CLI verbs <c>due</c> and <c>notice-list</c> (as <see cref="Caller.Operator"/>) all call it.
/// </summary>
public sealed class AreaCaseLists(NpgsqlDataSource dataSource, CaseService cases)
{
    /// <summary>Outstanding obligations due within <paramref name="withinDays"/> of <paramref name="asOf"/> and everything overdue, overdue first.</summary>
    public IReadOnlyList<DueItem> Due(Caller caller, string? requestedArea, DateOnly asOf, int withinDays) =>
        DueList(caller, requestedArea, asOf, withinDays).Items;

    /// <summary>The due list with the number of households it was computed over (the CLI's summary line).</summary>
    public AreaDueList DueList(Caller caller, string? requestedArea, DateOnly asOf, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        if (withinDays is < 0 or > 366)
        {
            throw new ArgumentException("到期天数应在 0 到 366 之间", nameof(withinDays));
        }

        var area = caller.ListArea(requestedArea);
        var households = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        var obligations = new List<Obligation>();
        var tools = new Dictionary<string, (ObligationCalculator Calculator, CaseFindings Findings)>(StringComparer.Ordinal);
        foreach (var household in cases.AsOf([.. cases.Store.InArea(area)], asOf))
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

        return new AreaDueList([.. Engine.Cases.DueList.Select(obligations, asOf, withinDays).Select(o => new DueItem(o, households[o.HouseholdId]))], households.Count);
    }

    /// <summary>
    /// The notice of a village on <paramref name="date"/>: the households whose inclusion or release notice runs on that
    /// date (notice start ≤ date ≤ notice end), with their size.
    /// </summary>
    public IReadOnlyList<NoticeItem> Notice(Caller caller, string village, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        if (village is not { Length: 12 })
        {
            throw new ArgumentException("公示按村出具：请给出 12 位村级代码", nameof(village));
        }

        var area = caller.ListArea(village);
        var records = cases.AsOf([.. cases.Store.InArea(area)], date);
        var evaluators = new Dictionary<string, CaseFindings>(StringComparer.Ordinal);
        CaseFindings FindingsFor(HouseholdRecord household)
        {
            var ruleSet = cases.RuleSetFor(household);
            if (!evaluators.TryGetValue(ruleSet.Profile.Id, out var findings))
            {
                findings = new CaseFindings(ruleSet, date);
                evaluators[ruleSet.Profile.Id] = findings;
            }

            return findings;
        }

        var sizes = records.ToDictionary(r => r.Id ?? "", r => r.Members?.Count ?? 0, StringComparer.Ordinal);
        return [.. NoticeList.Build(records, date, FindingsFor)
            .Select(e => new NoticeItem(e, sizes.GetValueOrDefault(e.HouseholdId)))];
    }

    /// <summary>The name of an area (village, town or county) as the records give it, or null when it has no households.</summary>
    public string? AreaName(Caller caller, string? requestedArea)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var area = caller.ListArea(requestedArea);
        var field = area.Length switch { 12 => "village", 9 => "town", _ => "county" };
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"""
            SELECT v.record->'region'->>'{field}' FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE left(h.village_code, length(@area)) = @area LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("area", area);
        return command.ExecuteScalar() as string;
    }

    /// <summary>The villages of the caller's area (code and name), for the pages' village choice.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Villages(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRead();
        using var connection = dataSource.OpenConnection();
        return [.. Web.VillageDirectory.Under(connection, caller.AreaCode).Select(v => new KeyValuePair<string, string>(v.Code, v.Name))];
    }
}
