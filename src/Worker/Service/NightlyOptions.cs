namespace Monitoring.Worker.Service;

/// <summary>The nightly batch's schedule and profile (section <c>Nightly</c>), validated at start-up.</summary>
public sealed class NightlyOptions
{
    public const string Section = "Nightly";

    /// <summary>Quartz cron expression (seconds first). Default 02:30 every night.</summary>
    public string Cron { get; set; } = "0 30 2 * * ?";

    /// <summary>IANA time zone the cron is read in; the run's as-of is the fire date in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string Profile { get; set; } = Monitoring.Rules.Catalog.RuleCatalog.NationalProfile;

    /// <summary>Rules directory; empty = located as the CLI does.</summary>
    public string? RulesDirectory { get; set; }
}
