namespace Monitoring.Store.Web;

/// <summary>
/// One page of a review list (rows ordered by village code, then household id), the number of rows of the whole filtered
/// list, and the night it was read from (null before the first completed run).
/// </summary>
public sealed record ReviewPage(IReadOnlyList<ReviewRow> Rows, long Total, int Page, int PageSize, DateOnly? AsOf)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int PageCount => Total == 0 ? 1 : (int)((Total + PageSize - 1) / PageSize);
}
