using Monitoring.Engine.History;

namespace Monitoring.Store.History;

/// <summary>One change of a household's timeline and what it changed (the version diff from the previous version).</summary>
public sealed record HouseholdTimelineEntry(HouseholdChange Change, HouseholdDiff Diff);
