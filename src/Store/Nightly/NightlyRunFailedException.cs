using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>A run that stopped before committing (lost connection, unreadable data): nothing of it was stored and it is marked failed.</summary>
public sealed class NightlyRunFailedException : Exception
{
    public NightlyRunFailedException(long runId, Exception cause)
        : base($"评估批次 {runId} 失败，未提交任何结果：{Describe(cause)}", cause)
    {
        RunId = runId;
    }

    public NightlyRunFailedException()
    {
    }

    public NightlyRunFailedException(string message)
        : base(message)
    {
    }

    public NightlyRunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long RunId { get; }

    private static string Describe(Exception cause)
    {
        var root = cause;
        while (root is AggregateException { InnerException: { } inner })
        {
            root = inner;
        }

        return DatabaseErrors.Describe(cause) ?? root.Message;
    }
}
