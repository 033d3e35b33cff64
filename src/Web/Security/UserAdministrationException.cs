namespace Monitoring.Web.Security;

/// <summary>A user administration request that cannot be done (message in Chinese).</summary>
public sealed class UserAdministrationException(string message) : Exception(message);
