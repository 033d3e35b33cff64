namespace Monitoring.Engine.Validation;

/// <summary>One problem with one input line or row: printed as <c>line N: field: reason</c>.</summary>
public sealed record RecordProblem(long Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}: {Field}: {Reason}";
}
