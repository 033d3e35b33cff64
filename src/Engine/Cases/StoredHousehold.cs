using Monitoring.Engine.Records;

namespace Monitoring.Engine.Cases;

/// <summary>A household's record in force in the store and the hash of that version.</summary>
public sealed record StoredHousehold(string Hash, HouseholdRecord Record);
