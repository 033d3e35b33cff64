namespace Monitoring.Engine.Validation;

/// <summary>
/// One problem with one input line (JSON Lines) or row (spreadsheet, CSV): printed as <c>line N: field: reason</c>
/// or <c>row N: field: reason</c>.
/// </summary>
public sealed record RecordProblem(long Line, string Field, string Reason, string Unit = "line")
{
    public override string ToString() => $"{Unit} {Line}: {Field}: {Reason}";
}
