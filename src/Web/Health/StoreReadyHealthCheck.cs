using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Store.Schema;
using Npgsql;

namespace Monitoring.Web.Health;

/// <summary>Ready when the database answers and every migration of the store is applied.</summary>
public sealed class StoreReadyHealthCheck(IDbContextFactory<MonitoringDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("数据库可用，结构为最新")
                : HealthCheckResult.Unhealthy($"数据库结构尚未升级：{pending.Count} 个迁移待应用");
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy("数据库不可用：" + ex.Message);
        }
    }
}
