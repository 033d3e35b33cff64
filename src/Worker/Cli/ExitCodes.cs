namespace Monitoring.Worker.Cli;

/// <summary>Process exit codes: 0 success, 1 fatal error (bad arguments, broken rule files, unreadable input), 2 some records rejected.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Fatal = 1;
    public const int RecordsRejected = 2;
}
