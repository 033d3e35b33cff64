using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Monitoring.Rules.Loading;

/// <summary>Reads ISO dates (YYYY-MM-DD) in rule data files as <see cref="DateOnly"/>.</summary>
public sealed class DateOnlyYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(DateOnly) || type == typeof(DateOnly?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(DateOnly?) && (scalar.Value.Length == 0 || scalar.Value is "~" or "null"))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new YamlException(scalar.Start, scalar.End, $"不是 YYYY-MM-DD 格式的日期: '{scalar.Value}'");
        }

        return date;
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""));
}
