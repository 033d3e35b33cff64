namespace Monitoring.Store.Web;

/// <summary>One stored version of a household's record: its hash, when it was first seen, and whether it is in force.</summary>
public sealed record HouseholdVersionRow(string Hash, DateTimeOffset FirstSeenAt, bool Current);
