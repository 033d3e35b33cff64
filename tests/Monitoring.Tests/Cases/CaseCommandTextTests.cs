using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Cases;

/// <summary>Case-log entries read as Chinese sentences on the household page and in <c>case show</c>.</summary>
public sealed class CaseCommandTextTests
{
    [Fact]
    public void Entries_read_with_their_chinese_labels_and_an_unreadable_payload_is_shown_as_stored()
    {
        var step = new CaseCommand { Name = CaseCommand.Step, Date = new DateOnly(2022, 6, 22), StepName = "public_notice", Until = new DateOnly(2022, 6, 28) };
        Assert.Equal("2022-06-22 识别步骤「村内公示」，公示至 2022-06-28", CaseCommandText.Describe(CaseCommand.Step, step.PayloadJson()));

        var measure = new CaseCommand { Name = CaseCommand.Measure, Date = new DateOnly(2022, 7, 1), MeasureKind = "medical" };
        Assert.Contains("「医疗", CaseCommandText.Describe(measure), StringComparison.Ordinal);

        var correction = new CaseCommand { Name = CaseCommand.Correct, Date = new DateOnly(2022, 7, 2), Entry = 3, Reason = "日期录错", Replaces = CaseCommand.Visit };
        Assert.Equal("更正 #3（原因：日期录错）→ 2022-07-02 入户走访", CaseCommandText.Describe(correction));

        Assert.Equal("{not json", CaseCommandText.Describe(CaseCommand.Step, "{not json"));
    }
}
