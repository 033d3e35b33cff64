using System.Collections.Concurrent;

namespace Monitoring.Store.Web;

/// <summary>
/// Remembers review-list counts and reason-rule lists under what determines them: the night's run (the read model
/// <c>current_outcomes</c> changes only when a run completes), the newest review decision (decisions are append-only, so
/// any new one changes the key) and the filter. A remembered value is therefore exact; the first request after a run or a
/// decision computes it again, once however many requests ask at the same moment. Bounded: emptied when it holds
/// <see cref="Capacity"/> entries.
/// </summary>
internal sealed class ReviewListCounts
{
    private const int Capacity = 4096;
    private readonly ConcurrentDictionary<(long RunId, long LastDecisionId, ListQuery Query), Lazy<long>> _counts = new();
    private readonly ConcurrentDictionary<(long RunId, long LastDecisionId, string Area), Lazy<string[]>> _rules = new();

    public long Count(ListNight night, ListQuery query, Func<long> compute) =>
        Remember(_counts, (night.RunId, night.LastDecisionId, query), compute);

    public string[] Rules(ListNight night, string area, Func<string[]> compute) =>
        Remember(_rules, (night.RunId, night.LastDecisionId, area), compute);

    private static TValue Remember<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<TValue>> cache, TKey key, Func<TValue> compute)
        where TKey : notnull
    {
        if (cache.Count >= Capacity && !cache.ContainsKey(key))
        {
            cache.Clear();
        }

        // Concurrent requests for the same key share one computation; a failed one is forgotten, not remembered.
        var entry = cache.GetOrAdd(key, _ => new Lazy<TValue>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, entry));
            throw;
        }
    }
}
