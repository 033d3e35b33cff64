namespace Monitoring.Store.Access;

/// <summary>The caller's role may not do this (the web answers 403).</summary>
public sealed class NotPermittedException(string message) : Exception(message);
