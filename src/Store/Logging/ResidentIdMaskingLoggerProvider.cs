using Microsoft.Extensions.Logging;

namespace Monitoring.Store.Logging;

/// <summary>Wraps a logger provider so that everything its loggers write passes the resident-ID mask.</summary>
public sealed class ResidentIdMaskingLoggerProvider : ILoggerProvider
{
    private readonly ILoggerProvider _inner;

    public ResidentIdMaskingLoggerProvider(ILoggerProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public ILogger CreateLogger(string categoryName) => new ResidentIdMaskingLogger(_inner.CreateLogger(categoryName));

    public void Dispose() => _inner.Dispose();
}
