namespace Monitoring.Engine.Importing;

/// <summary>The file layouts <see cref="TabularHouseholdReader"/> reads.</summary>
public enum TabularFormat
{
    /// <summary>Office Open XML workbook; the first worksheet is read.</summary>
    Xlsx,

    /// <summary>Comma-separated values (RFC 4180), UTF-8 with or without a byte order mark.</summary>
    Csv,
}
