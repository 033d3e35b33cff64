namespace Monitoring.Store.Replay;

/// <summary>A run cannot be replayed for a household (no such run, not completed, no stored rule set, household not in the run, set aside); the message is Chinese.</summary>
public sealed class ReplayRefusedException : Exception
{
    public ReplayRefusedException()
    {
    }

    public ReplayRefusedException(string message)
        : base(message)
    {
    }

    public ReplayRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
