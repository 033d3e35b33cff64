using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Monitoring.Store;

/// <summary>
/// Database failures described for staff in Chinese, with the real PostgreSQL or Npgsql error kept in parentheses:
/// a refused or unreachable server (<c>无法连接数据库 127.0.0.1:55432（连接被拒绝）</c>), a connection the server terminated
/// (57P01…), a missing database or schema, a failed login. Also recognises the follow-on errors Npgsql raises on a
/// connection that broke underneath it (a null reference or a disposed object inside Npgsql), which would otherwise
/// read as "Object reference not set…".
/// </summary>
public static partial class DatabaseErrors
{
    [GeneratedRegex(@"Failed to connect to (?<endpoint>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToConnect();

    /// <summary>Whether the exception (or one it wraps) comes from the database or the connection to it.</summary>
    public static bool IsDatabaseError(Exception exception) => Find(exception) is not null || IsBrokenConnectionFollowOn(exception);

    /// <summary>The Chinese description, or null when the exception has nothing to do with the database.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Find(exception) is { } database)
        {
            return Describe(database);
        }

        return IsBrokenConnectionFollowOn(exception)
            ? $"与数据库的连接已中断（连接被关闭或被服务器终止后 Npgsql 报告：{exception.GetType().Name}）"
            : null;
    }

    private static string Describe(NpgsqlException exception)
    {
        if (exception is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "3D000" => $"数据库不存在（{pg.MessageText}）。开发环境可运行 bash scripts/dev-db.sh start，再运行 monitoring migrate",
                "42P01" or "42703" or "42883" => $"数据库结构尚未建立或不是最新，请先运行 monitoring migrate（{pg.SqlState}：{pg.MessageText}）",
                "28P01" or "28000" => $"数据库登录失败：用户名、密码或访问权限不对（{pg.SqlState}：{pg.MessageText}）",
                "57P01" => $"数据库连接被服务器终止（管理员终止了连接或服务器正在关闭；{pg.SqlState}：{pg.MessageText}）",
                "57P02" => $"数据库服务器异常退出，连接已断开（{pg.SqlState}：{pg.MessageText}）",
                "57P03" => $"数据库服务器正在启动或恢复，暂时不能连接（{pg.SqlState}：{pg.MessageText}）",
                "53300" => $"数据库连接数已满（{pg.SqlState}：{pg.MessageText}）",
                "40P01" => $"数据库死锁，操作未完成，可重试（{pg.SqlState}：{pg.MessageText}）",
                "40001" => $"并发写入冲突，操作未完成，可重试（{pg.SqlState}：{pg.MessageText}）",
                "42501" => $"数据库账户没有执行该操作的权限（{pg.SqlState}：{pg.MessageText}）",
                "57014" => $"数据库语句被取消或超时（{pg.SqlState}：{pg.MessageText}）",
                _ => $"数据库错误（{pg.SqlState}：{pg.MessageText}）",
            };
        }

        var endpoint = FailedToConnect().Match(exception.Message) is { Success: true } m ? m.Groups["endpoint"].Value : null;
        if (FindInner<SocketException>(exception) is { } socket)
        {
            var reason = socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "连接被拒绝：数据库服务器未运行，或主机、端口不对",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "找不到该主机",
                SocketError.TimedOut => "连接超时",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "网络不可达",
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => "连接被对方断开",
                _ => socket.Message,
            };
            return endpoint is not null
                ? $"无法连接数据库 {endpoint}（{reason}；{exception.Message}）。开发环境可先运行 bash scripts/dev-db.sh start"
                : $"与数据库的连接已中断（{reason}；{exception.Message}）";
        }

        if (FindInner<TimeoutException>(exception) is not null)
        {
            return $"连接数据库超时（{exception.Message}）";
        }

        if (endpoint is not null)
        {
            return $"无法连接数据库 {endpoint}（{exception.InnerException?.Message ?? exception.Message}）。开发环境可先运行 bash scripts/dev-db.sh start";
        }

        if (FindInner<IOException>(exception) is not null || exception.IsTransient || exception.Message.Contains("broken", StringComparison.OrdinalIgnoreCase))
        {
            return $"与数据库的连接已中断（{exception.Message}：{Innermost(exception).Message}）";
        }

        return $"数据库错误（{exception.Message}）";
    }

    private static NpgsqlException? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException npgsql)
            {
                return npgsql;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find(inner) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A null reference, disposed object or invalid operation thrown inside Npgsql: what a broken connection leads to.</summary>
    private static bool IsBrokenConnectionFollowOn(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NullReferenceException or ObjectDisposedException or InvalidOperationException
                && (e.TargetSite?.DeclaringType?.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true
                    || (e.StackTrace?.TrimStart().StartsWith("at Npgsql.", StringComparison.Ordinal) ?? false)))
            {
                return true;
            }
        }

        return false;
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
