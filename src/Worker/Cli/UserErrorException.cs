namespace Monitoring.Worker.Cli;

/// <summary>A mistake the user can fix (a missing file, a malformed date): printed as one Chinese line, no stack trace, exit code 1.</summary>
public sealed class UserErrorException : Exception
{
    public UserErrorException()
    {
    }

    public UserErrorException(string message)
        : base(message)
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
