namespace Monitoring.Rules.Facts;

/// <summary>The "not evaluable" messages of rules whose data is missing (one wording for the summary, explain and tests).</summary>
public static class NotEvaluable
{
    /// <summary>A format 1.1 field the rule needs is absent from the record.</summary>
    public static string FieldAbsent(string field) => $"记录缺少 {field}（记录格式 1.1 的可选字段），该规则无法评估";
}
