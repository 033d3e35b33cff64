using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the worker's host.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MonitoringDbContext>
{
    public MonitoringDbContext CreateDbContext(string[] args) => new(StoreOptions.Configure(new DbContextOptionsBuilder<MonitoringDbContext>(), StoreOptions.DefaultConnectionString).Options);
}
