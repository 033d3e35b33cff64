namespace Monitoring.Store.Web;

/// <summary>A review decision that cannot be recorded (not flagged, already decided on this outcome, …); the web answers 409.</summary>
public sealed class ReviewRejectedException(string message) : Exception(message);
