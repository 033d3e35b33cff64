namespace Monitoring.Engine.Records;

public sealed class HousingRecord
{
    public string? Safety { get; set; }

    public bool? OnlyHouse { get; set; }

    public DateOnly? AppraisedOn { get; set; }
}
