using Monitoring.Rules.Catalog;
using Monitoring.Store.RuleSets;
using Npgsql;

namespace Monitoring.Store.Nightly;

/// <summary>The nightly-run service (DI): creates the run of a rule set over the one data source, ledger, archive and clock.</summary>
public sealed class NightlyRuns
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RunLedger _ledger;
    private readonly RuleSetArchive _archive;

    public NightlyRuns(NpgsqlDataSource dataSource, RunLedger ledger, RuleSetArchive archive)
    {
        _dataSource = dataSource;
        _ledger = ledger;
        _archive = archive;
    }

    /// <summary>A runner for the rule set; <paramref name="configure"/> may set progress callbacks.</summary>
    public NightlyRunner For(RuleSet ruleSet, Action<long, long>? onProgress = null, Action<string, TimeSpan>? onStage = null, Action<RunPlan>? onPlan = null) =>
        new(_dataSource, ruleSet, _ledger, _archive) { OnProgress = onProgress, OnStage = onStage, OnPlan = onPlan };
}
