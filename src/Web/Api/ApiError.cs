namespace Monitoring.Web.Api;

/// <summary>An error answer: a Chinese message.</summary>
public sealed record ApiError(string Error);
