using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.Store.Logging;

/// <summary>Masks resident ID numbers in every log output (console, debug, event source, files…).</summary>
public static class LoggingBuilderMaskingExtensions
{
    /// <summary>
    /// Wraps every logger provider registered so far in a <see cref="ResidentIdMaskingLoggerProvider"/>. Call it after the
    /// last provider is added (the host's defaults are added when the builder is created).
    /// </summary>
    public static ILoggingBuilder MaskResidentIds(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var services = logging.Services;
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(typeof(ILoggerProvider), provider => new ResidentIdMaskingLoggerProvider(Inner(descriptor, provider)), descriptor.Lifetime);
        }

        return logging;
    }

    private static ILoggerProvider Inner(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
