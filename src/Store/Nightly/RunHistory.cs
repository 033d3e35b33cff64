using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>The completed runs of a profile (id and as-of), to count the nightly runs of a risk series.</summary>
public sealed class RunHistory
{
    private readonly SortedList<long, DateOnly> _runs = [];
    private readonly long _currentRunId;
    private readonly DateOnly _currentAsOf;
    private readonly Dictionary<long, int> _nightsSince = [];

    public RunHistory(IEnumerable<(long Id, DateOnly AsOf)> completedRuns, long currentRunId, DateOnly currentAsOf)
    {
        ArgumentNullException.ThrowIfNull(completedRuns);
        foreach (var (id, asOf) in completedRuns)
        {
            _runs[id] = asOf;
        }

        _currentRunId = currentRunId;
        _currentAsOf = currentAsOf;
    }

    /// <summary>The as-of date of a completed run, or of the current one.</summary>
    public DateOnly AsOfOf(long runId) =>
        runId == _currentRunId ? _currentAsOf
        : _runs.TryGetValue(runId, out var asOf) ? asOf
        : throw new InvalidDataException($"批次 {runId} 不是已完成的批次");

    /// <summary>Nightly runs (distinct as-of dates) from <paramref name="firstRunId"/> up to and including the current run.</summary>
    public int NightsSince(long firstRunId)
    {
        if (_nightsSince.TryGetValue(firstRunId, out var cached))
        {
            return cached;
        }

        var nights = new HashSet<DateOnly> { _currentAsOf };
        foreach (var (id, asOf) in _runs)
        {
            if (id >= firstRunId && id < _currentRunId)
            {
                nights.Add(asOf);
            }
        }

        _nightsSince[firstRunId] = nights.Count;
        return nights.Count;
    }
}
