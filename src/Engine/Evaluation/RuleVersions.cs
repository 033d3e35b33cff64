using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// Rule versions: the SHA-256 of a rule's definition together with the dated parameter values it read,
/// so a finding's version changes exactly when the rule text or a parameter it depends on changes.
/// </summary>
public sealed class RuleVersions
{
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string For(RuleDefinition rule, IReadOnlyList<ResolvedParameter> parameters)
    {
        var key = string.Join("|", parameters.Select(p => p.EntryKey).Order(StringComparer.Ordinal).Prepend(rule.DefinitionHash));
        return _cache.GetOrAdd(key, static k => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k)))[..16]);
    }

    /// <summary>A version of a whole rule set: its rule definitions, every parameter layer and the working-day calendar, for runs and caches.</summary>
    public static string ForRuleSet(RuleSet ruleSet)
    {
        var builder = new StringBuilder();
        foreach (var rule in ruleSet.Rules)
        {
            builder.Append(rule.Id).Append('=').Append(rule.DefinitionHash).Append('\n');
        }

        foreach (var layer in ruleSet.Parameters.Layers)
        {
            foreach (var (name, values) in layer.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                foreach (var value in values)
                {
                    builder.Append(layer.Origin).Append(':').Append(name).Append('@').Append(value.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('=').Append(value.Value).Append('\n');
                }
            }
        }

        builder.Append("calendar:").Append(ruleSet.Calendar.Fingerprint());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..16];
    }

    /// <summary>
    /// A version of the engine build (the module ids of the engine and rules assemblies): a stored run records it
    /// so the first run of a new build re-evaluates every household instead of trusting outcomes computed by older code.
    /// </summary>
    public static string ForEngine() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            typeof(RuleVersions).Assembly.ManifestModule.ModuleVersionId + "|" + typeof(RuleSet).Assembly.ManifestModule.ModuleVersionId)))[..16];
}
