namespace Monitoring.Worker.Bench;

/// <summary>Latencies of one kind of request in a web load run (milliseconds, sorted), with its errors by cause.</summary>
public sealed class WebLoadResult
{
    public WebLoadResult(string kind, IReadOnlyList<double> sortedMilliseconds, IReadOnlyDictionary<string, int> errorsByCause)
    {
        Kind = kind;
        SortedMilliseconds = sortedMilliseconds;
        ErrorsByCause = errorsByCause;
    }

    public string Kind { get; }

    public IReadOnlyList<double> SortedMilliseconds { get; }

    /// <summary>Errors by cause: <c>HTTP 500</c>, <c>timeout (30 s)</c>, <c>HttpRequestException ConnectionError</c>…</summary>
    public IReadOnlyDictionary<string, int> ErrorsByCause { get; }

    public int Errors => ErrorsByCause.Values.Sum();

    public int Requests => SortedMilliseconds.Count + Errors;

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..100) of the successful requests.</summary>
    public double Percentile(double p)
    {
        if (SortedMilliseconds.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * SortedMilliseconds.Count);
        return SortedMilliseconds[Math.Clamp(rank - 1, 0, SortedMilliseconds.Count - 1)];
    }
}
