using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Store.Logging;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Output;

/// <summary>Log output (the service's console and any other provider) passes the resident-ID mask.</summary>
public sealed class MaskingLoggerTests
{
    [Fact]
    public void Messages_structured_values_scopes_and_exceptions_are_masked()
    {
        var id = SeededResidentIds.For(1, 5);
        var sink = new CapturingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddProvider(sink);
            logging.MaskResidentIds();
        });
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");
#pragma warning disable CA1848, CA2254 // plain calls are what most code writes
            using (logger.BeginScope("户 {Household}", id))
            {
                logger.LogError(new InvalidOperationException($"户 {id} 的记录无法评估"), "评估失败：户 {Household}，帮扶人 {Helper}", id, "李四" + id);
            }
#pragma warning restore CA1848, CA2254
        }

        var text = string.Join('\n', sink.Lines);
        Assert.Contains(SeededResidentIds.Masked(id), text, StringComparison.Ordinal);
        ResidentIdScanner.AssertNoneIn("log", text);
    }

    /// <summary>Writes everything a logger receives (message, each structured value, scopes, exception text) as lines.</summary>
    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Add("scope: " + state);
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    lines.AddRange(values.Select(v => $"scope {v.Key} = {v.Value}"));
                }

                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lines.Add(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    lines.AddRange(values.Select(v => $"{v.Key} = {v.Value}"));
                }

                lines.Add(exception?.ToString() ?? "");
                lines.Add(exception?.Message ?? "");
            }
        }
    }
}
