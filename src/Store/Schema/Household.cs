using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>The current version of each household, with the columns lists and reviews filter on.</summary>
public sealed class Household
{
    public required string Id { get; set; }

    public required string CountyCode { get; set; }

    public string? VillageCode { get; set; }

    public required string Category { get; set; }

    public string? HelperName { get; set; }

    /// <summary>The <see cref="HouseholdVersion"/> in force.</summary>
    public required string CurrentHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
