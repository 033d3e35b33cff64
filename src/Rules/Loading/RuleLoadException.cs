namespace Monitoring.Rules.Loading;

/// <summary>A rule, parameter, profile or calendar file that cannot be used; the message names the file and the rule.</summary>
public sealed class RuleLoadException : Exception
{
    public RuleLoadException(string file, string? item, string reason)
        : base(item is null ? $"{file}: {reason}" : $"{file}: {item}: {reason}")
    {
        File = file;
        Item = item;
        Reason = reason;
    }

    public RuleLoadException()
    {
        File = "";
        Reason = "";
    }

    public RuleLoadException(string message)
        : base(message)
    {
        File = "";
        Reason = message;
    }

    public RuleLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public string File { get; }

    public string? Item { get; }

    public string Reason { get; }
}
