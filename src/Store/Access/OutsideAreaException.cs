namespace Monitoring.Store.Access;

/// <summary>A list or export was asked for an area outside the caller's (the web answers 403).</summary>
public sealed class OutsideAreaException(string message) : Exception(message);
