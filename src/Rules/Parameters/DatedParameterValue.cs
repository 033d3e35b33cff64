namespace Monitoring.Rules.Parameters;

/// <summary>One dated value of a parameter: it holds from <see cref="From"/> until the next dated value of the same layer.</summary>
public sealed class DatedParameterValue
{
    public DateOnly From { get; set; }

    public string Value { get; set; } = "";

    /// <summary>The document and clause the value comes from.</summary>
    public string Reference { get; set; } = "";

    /// <summary>True where no document gives a figure and the value is the county-set default the catalogue ships.</summary>
    public bool CountySet { get; set; }

    public string? Note { get; set; }
}
