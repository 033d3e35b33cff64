namespace Monitoring.Web.Paging;

/// <summary>Settings of the printed public notice (公示): the objection contact shown on it (section <c>Notice</c>).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notice";

    /// <summary>Who to contact with an objection during the notice period, e.g. 镇乡村振兴办 0916-1234567.</summary>
    public string ObjectionContact { get; set; } = "";
}
