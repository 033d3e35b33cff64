using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitoring.Rules.Loading;

/// <summary>Strict YAML reading for rule data: unknown keys are errors, and every error names the file and position.</summary>
public static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyYamlConverter())
        .Build();

    public static T Read<T>(string path, string displayPath)
        where T : new()
    {
        try
        {
            using var reader = new StreamReader(path);
            return Deserializer.Deserialize<T>(reader) ?? new T();
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new RuleLoadException(displayPath, $"第 {ex.Start.Line} 行第 {ex.Start.Column} 列", reason);
        }
    }
}
