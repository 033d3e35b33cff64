namespace Monitoring.Web.Api;

/// <summary>Body of <c>POST /api/v1/login</c>.</summary>
public sealed record LoginRequest(string? User, string? Password);
