namespace Monitoring.Rules.Department;

/// <summary>A roster line with its number in the delivered file (JSON Lines line, or a spreadsheet's first row of it).</summary>
public sealed record NumberedRosterLine(int Number, RosterLine Line);
