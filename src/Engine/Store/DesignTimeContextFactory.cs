using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Engine.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the worker's host.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MonitoringDbContext>
{
    public MonitoringDbContext CreateDbContext(string[] args) => new(StoreOptions.Configure(new DbContextOptionsBuilder<MonitoringDbContext>(), StoreOptions.DefaultConnectionString).Options);
}
