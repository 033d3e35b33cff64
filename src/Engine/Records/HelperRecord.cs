namespace Monitoring.Engine.Records;

public sealed class HelperRecord
{
    public string? Name { get; set; }

    public DateOnly? AssignedOn { get; set; }
}
