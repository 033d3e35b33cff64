namespace Monitoring.Store.Department;

/// <summary>One recorded delivery: list, county, snapshot date, when it was delivered, the file, rows and who delivered it.</summary>
public sealed record DeliveryRecord(long Id, string ListId, string CountyCode, DateOnly SnapshotDate, DateTimeOffset DeliveredAt,
    string FileName, int Rows, string DeliveredBy);
