using Npgsql;

namespace Monitoring.Store.Sql;

/// <summary>
/// Retries a transaction that PostgreSQL aborted because of a deadlock (40P01) or a serialization failure (40001): the
/// work is run again from the start, at most <see cref="MaxAttempts"/> times, after a short growing pause; each retry is
/// announced through <c>onRetry</c> with a Chinese message. Any other error, or the last attempt's, is thrown.
/// </summary>
public static class TransientConflict
{
    public const int MaxAttempts = 5;

    public static bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public static T Retry<T>(Func<T> work, Action<string>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work();
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                onRetry?.Invoke(Message(ex, attempt));
                Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt * attempt + Random.Shared.Next(50)));
            }
        }
    }

    /// <summary>The Chinese notice of a retry.</summary>
    public static string Message(Exception exception, int attempt) =>
        (exception as PostgresException)?.SqlState == PostgresErrorCodes.DeadlockDetected
            ? $"与其他写入发生死锁（40P01），第 {attempt} 次重试（最多 {MaxAttempts - 1} 次）"
            : $"与其他写入发生串行化冲突（40001），第 {attempt} 次重试（最多 {MaxAttempts - 1} 次）";
}
