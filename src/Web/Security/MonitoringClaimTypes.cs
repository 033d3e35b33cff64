namespace Monitoring.Web.Security;

/// <summary>The claims a signed-in user carries besides name and role.</summary>
public static class MonitoringClaimTypes
{
    public const string Area = "monitoring:area";
    public const string DisplayName = "monitoring:display_name";
}
