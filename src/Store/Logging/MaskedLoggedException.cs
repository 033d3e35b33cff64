using Monitoring.Engine.Output;

namespace Monitoring.Store.Logging;

/// <summary>An exception as a log entry shows it (type, message, inner exceptions, stack), with resident ID numbers masked.</summary>
public sealed class MaskedLoggedException : Exception
{
    private readonly string _text = "";

    public MaskedLoggedException()
    {
    }

    public MaskedLoggedException(string message)
        : base(message)
    {
    }

    public MaskedLoggedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MaskedLoggedException(Exception original)
        : base(ResidentIdMasking.Apply((original ?? throw new ArgumentNullException(nameof(original))).Message))
    {
        _text = ResidentIdMasking.Apply(original.ToString());
        OriginalType = original.GetType().FullName;
    }

    /// <summary>The type of the exception that was logged.</summary>
    public string? OriginalType { get; }

    public override string ToString() => _text.Length > 0 ? _text : base.ToString();
}
