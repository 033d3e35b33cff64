namespace Monitoring.Web.Security;

/// <summary>One user as <c>users list</c> shows it.</summary>
public sealed record UserSummary(string UserName, string Role, string AreaCode, string? DisplayName, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt);
