using Monitoring.Rules.Department;

namespace Monitoring.Engine.Department;

/// <summary>A roster line that names a person, with the snapshot it belongs to.</summary>
public sealed record RosterHit(RosterSnapshot Snapshot, NumberedRosterLine Line);
