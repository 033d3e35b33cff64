using Microsoft.Extensions.Logging;
using Monitoring.Engine.Output;

namespace Monitoring.Store.Logging;

/// <summary>
/// A logger that masks resident ID numbers in the formatted message, in every structured value, in scopes and in the
/// exception text (message and stack) before the inner logger sees them.
/// </summary>
internal sealed class ResidentIdMaskingLogger : ILogger
{
    private readonly ILogger _inner;

    public ResidentIdMaskingLogger(ILogger inner) => _inner = inner;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(MaskedLogState.From(state, state.ToString() ?? ""));

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var masked = MaskedLogState.From(state, formatter(state, exception));
        var maskedException = exception is null ? null : new MaskedLoggedException(exception);
        _inner.Log(logLevel, eventId, masked, maskedException, static (s, _) => s.Message);
    }
}
