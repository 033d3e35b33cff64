using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Rules.Catalog;
using Quartz;
using Monitoring.Store.Schema;
using Monitoring.Store.Nightly;
using Monitoring.Store.Telemetry;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Worker.Service;

/// <summary>
/// The nightly evaluation as a Quartz job. Clustered on the store's PostgreSQL, one worker of the cluster runs a
/// night's batch; <see cref="DisallowConcurrentExecutionAttribute"/> keeps a late run from overlapping the next.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NightlyEvaluationJob : IJob
{
    public static readonly JobKey Key = new("nightly-evaluation", "monitoring");

    private readonly RuleCatalog _catalog;
    private readonly IOptions<NightlyOptions> _nightly;
    private readonly NightlyRuns _runs;
    private readonly ILogger<NightlyEvaluationJob> _logger;
    private readonly RunMetrics _metrics;
    private readonly TimeProvider _clock;

    public NightlyEvaluationJob(RuleCatalog catalog, IOptions<NightlyOptions> nightly, NightlyRuns runs, ILogger<NightlyEvaluationJob> logger,
        RunMetrics metrics, TimeProvider clock)
    {
        _metrics = metrics;
        _clock = clock;
        _catalog = catalog;
        _nightly = nightly;
        _runs = runs;
        _logger = logger;
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_nightly.Value.TimeZone);
        var fired = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fired, zone).DateTime);
        var ruleSet = _catalog.ForProfile(_nightly.Value.Profile);
        var runner = _runs.For(ruleSet);
        LogStarting(asOf, _nightly.Value.Profile);
        if (ruleSet.Calendar.MissingNextYearWarning(asOf) is { } calendarWarning)
        {
            LogCalendarMissing(calendarWarning);
        }

        var started = _clock.GetTimestamp();
        try
        {
            var result = runner.Run(asOf, cancellationToken);
            _metrics.Completed(result.Plan.Mode, _clock.GetElapsedTime(started), result.HouseholdsEvaluated, result.Summary.FindingsWritten);
            LogCompleted(result.RunId, asOf, result.Plan.Mode, result.HouseholdsInStore, result.HouseholdsEvaluated, result.Summary.FindingsWritten, result.NewFindings, result.ResolvedFindings);
            foreach (var setAside in result.SetAside)
            {
                LogSetAside(result.RunId, setAside.HouseholdId, setAside.Field, setAside.Reason);
            }
        }
        catch (Exception ex) when (ex is NightlyRunFailedException or Npgsql.NpgsqlException)
        {
            _metrics.Failed(_clock.GetElapsedTime(started));
            LogFailed(ex, asOf);
            throw new JobExecutionException("夜间评估失败，本批次未提交任何结果", ex);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "夜间评估开始：评估日 {AsOf}，地区配置 {Profile}")]
    private partial void LogStarting(DateOnly asOf, string profile);

    [LoggerMessage(Level = LogLevel.Information, Message = "夜间评估批次 {RunId} 完成（{Mode}）：评估日 {AsOf}，库中 {Households} 户，本次评估 {Evaluated} 户，发现 {Findings} 条，新增 {New} 条，消除 {Resolved} 条")]
    private partial void LogCompleted(long runId, DateOnly asOf, string mode, long households, long evaluated, long findings, long @new, long resolved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "夜间评估批次 {RunId} 搁置户 {HouseholdId}（记录在评估日无法评估）：{Field}：{Reason}")]
    private partial void LogSetAside(long runId, string householdId, string field, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "节假日日历：{Warning}")]
    private partial void LogCalendarMissing(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "夜间评估失败：评估日 {AsOf}，本批次未提交任何结果")]
    private partial void LogFailed(Exception exception, DateOnly asOf);
}
