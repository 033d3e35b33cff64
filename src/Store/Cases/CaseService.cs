using Monitoring.Engine.Records;
using Monitoring.Rules.Catalog;
using Npgsql;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Cases;

/// <summary>
/// The case services the CLI verbs (and later the web pages) call: record a command on a stored household under the
/// state machine of its region profile, and read back what is due. The profile is the one given, else the profile whose
/// <c>regionCode</c> is the household's county code, else <c>cn-national</c>.
/// </summary>
public sealed class CaseService
{
    private readonly RuleCatalog _catalog;
    private readonly string? _profile;

    public CaseService(RuleCatalog catalog, NpgsqlDataSource dataSource, string? profile)
    {
        _catalog = catalog;
        _profile = profile;
        Store = new CaseStore(dataSource);
    }

    public CaseStore Store { get; }

    /// <summary>The rule set a household's case follows.</summary>
    public RuleSet RuleSetFor(HouseholdRecord household)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (_profile is not null)
        {
            return _catalog.ForProfile(_profile);
        }

        var county = household.Region?.CountyCode;
        var profile = _catalog.Profiles.Values.Where(p => p.Document.RegionCode is { Length: > 0 } code && code == county)
            .Select(p => p.Id).Order(StringComparer.Ordinal).FirstOrDefault() ?? RuleCatalog.NationalProfile;
        return _catalog.ForProfile(profile);
    }

    /// <summary>
    /// Records <paramref name="command"/> for a stored household. Throws <see cref="CaseRejectedException"/> for a refused
    /// command and <see cref="KeyNotFoundException"/> for an unknown household; neither writes anything.
    /// </summary>
    public CaseCommandResult Execute(string householdId, CaseCommand command, string actor, string client, DateOnly today) =>
        Store.Record(householdId, command, actor, client, current => new CaseProcedure(RuleSetFor(current)).Apply(current, command, today))
        ?? throw new KeyNotFoundException($"数据库中没有户编码为 {householdId} 的农户（先用 import 导入）");
}
