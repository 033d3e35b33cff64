namespace Monitoring.Web.Api;

/// <summary>The signed-in user (answer of <c>POST /api/v1/login</c> and <c>GET /api/v1/me</c>).</summary>
public sealed record SignedInUser(string User, string Role, string Area, string? DisplayName);
