namespace Monitoring.Store.History;

/// <summary>What made a household change (<c>household_changes.source</c>).</summary>
public static class ChangeSources
{
    /// <summary>An <c>import</c> of a JSON Lines, .xlsx or .csv file.</summary>
    public const string Import = "import";

    /// <summary>A case command (open, step, helper, plan, measure, visit, release-step, revisit).</summary>
    public const string Case = "case";

    /// <summary>A correction or void of an earlier case-log entry.</summary>
    public const string Correction = "correction";

    /// <summary>The version in force when the change log was introduced (households stored before it).</summary>
    public const string Baseline = "baseline";

    /// <summary>The Chinese name of a source, for the timeline.</summary>
    public static string Zh(string source) => source switch
    {
        Import => "导入",
        Case => "案件登记",
        Correction => "更正",
        Baseline => "启用变更日志时已有的版本",
        _ => source,
    };
}
