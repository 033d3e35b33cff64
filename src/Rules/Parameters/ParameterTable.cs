using System.Globalization;

namespace Monitoring.Rules.Parameters;

/// <summary>All parameter definitions and layers for one profile, most specific layer first.</summary>
public sealed class ParameterTable
{
    private readonly IReadOnlyList<ParameterLayer> _profileLayers;
    private readonly IReadOnlyList<ParameterLayer> _regionLayers;
    private readonly ParameterLayer _national;

    public ParameterTable(IReadOnlyDictionary<string, ParameterDefinition> definitions, IReadOnlyList<ParameterLayer> profileLayers, IReadOnlyList<ParameterLayer> regionLayers, ParameterLayer national)
    {
        Definitions = definitions;
        _profileLayers = profileLayers;
        _regionLayers = [.. regionLayers.OrderByDescending(l => l.RegionCode?.Length ?? 0)];
        _national = national;
    }

    public IReadOnlyDictionary<string, ParameterDefinition> Definitions { get; }

    public IEnumerable<ParameterLayer> Layers => _profileLayers.Concat(_regionLayers).Append(_national);

    /// <summary>
    /// The value of <paramref name="name"/> in force on <paramref name="date"/> for a household of <paramref name="countyCode"/>:
    /// the profile's own values first, then the most specific region, then the national baseline.
    /// </summary>
    public ResolvedParameter Resolve(string name, string countyCode, DateOnly date, int? forYear = null)
    {
        if (!Definitions.TryGetValue(name, out var definition))
        {
            throw new KeyNotFoundException($"未定义的参数 {name}");
        }

        foreach (var layer in _profileLayers)
        {
            if (layer.InForce(name, date) is { } value)
            {
                return Make(definition, layer, value, forYear);
            }
        }

        foreach (var layer in _regionLayers)
        {
            if (layer.AppliesTo(countyCode) && layer.InForce(name, date) is { } value)
            {
                return Make(definition, layer, value, forYear);
            }
        }

        if (_national.InForce(name, date) is { } national)
        {
            return Make(definition, _national, national, forYear);
        }

        throw new ParameterNotInForceException(name, date, countyCode);
    }

    private static ResolvedParameter Make(ParameterDefinition definition, ParameterLayer layer, DatedParameterValue value, int? forYear)
    {
        decimal? number = definition.IsText ? null : decimal.Parse(value.Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        return new ResolvedParameter(definition.Name, value.Value, number, value.From, value.Reference, value.CountySet, layer.Origin, layer.NameZh, forYear);
    }
}
