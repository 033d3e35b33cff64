namespace Monitoring.Rules.Parameters;

/// <summary>A named parameter the rules may read, as declared in <c>rules/parameters/definitions.yaml</c>.</summary>
public sealed class ParameterDefinition
{
    public string Name { get; set; } = "";

    public string TitleZh { get; set; } = "";

    /// <summary>money | ratio | int | days | text.</summary>
    public string Type { get; set; } = "money";

    public string Unit { get; set; } = "";

    /// <summary>
    /// <c>asOf</c> (default): the value in force on the evaluation date.
    /// <c>year</c>: the value in force on 31 December of a year the rule names (the income cycle's year).
    /// </summary>
    public string IndexedBy { get; set; } = "asOf";

    public bool IsText => Type == "text";

    public bool IsYearIndexed => IndexedBy == "year";
}
