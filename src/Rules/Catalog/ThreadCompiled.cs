namespace Monitoring.Rules.Catalog;

/// <summary>
/// A compiled rule expression with one delegate per thread. FastExpressionCompiler keeps the closure of a nested
/// lambda that reads outer parameters (<c>h.EventsWithin(…).Any(e => … p.Int(…) … h.Case …)</c>) in the compiled
/// delegate itself, so two threads calling the same delegate could read each other's household or parameter scope
/// (seen in nightly runs: a parameter read by one rule recorded in another household's finding, about 1 in 300,000).
/// Each thread therefore compiles its own copy the first time it needs it; the copy made while loading (which proves
/// the expression compiles) serves the loading thread.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Lives as long as the loaded rule set, i.e. the process; the per-thread copies are plain delegates.")]
public sealed class ThreadCompiled<T>
    where T : Delegate
{
    private readonly ThreadLocal<T> _perThread;

    public ThreadCompiled(T compiled, Func<T> compile)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var loadingThread = Environment.CurrentManagedThreadId;
        _perThread = new ThreadLocal<T>(() => Environment.CurrentManagedThreadId == loadingThread ? compiled : compile());
    }

    /// <summary>This thread's delegate.</summary>
    public T Value => _perThread.Value!;
}
