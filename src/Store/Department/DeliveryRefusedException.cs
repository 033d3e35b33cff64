namespace Monitoring.Store.Department;

/// <summary>A delivery that cannot be taken as given (unknown list, malformed county code): the reason in Chinese.</summary>
public sealed class DeliveryRefusedException(string message) : Exception(message);
