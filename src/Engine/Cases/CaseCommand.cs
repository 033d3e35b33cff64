using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitoring.Engine.Cases;

/// <summary>
/// One case command as given by village or town staff: what (<see cref="Name"/>), for which date, and the
/// command's own arguments. Its <see cref="PayloadJson"/> is what the case log keeps.
/// </summary>
public sealed record CaseCommand
{
    public const string Open = "open";
    public const string Step = "step";
    public const string Helper = "helper";
    public const string Plan = "plan";
    public const string Measure = "measure";
    public const string Visit = "visit";
    public const string ReleaseStep = "release-step";
    public const string Revisit = "revisit";

    /// <summary>Every command name, in procedure order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Open, Step, Helper, Plan, Measure, Visit, ReleaseStep, Revisit];

    public required string Name { get; init; }

    /// <summary>The date the thing was done (the step, the visit, the assignment).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The inclusion or release step (step, release-step).</summary>
    public string? StepName { get; init; }

    /// <summary>Last day of a public notice (public_notice, village_notice).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>What opened the case (open): candidate | self_declared | department_warning.</summary>
    public string? Trigger { get; init; }

    /// <summary>Monitoring type (open from a candidate, or county_approval): unstable | marginal | hardship.</summary>
    public string? MonitoringType { get; init; }

    /// <summary>The helper's name (helper).</summary>
    public string? HelperName { get; init; }

    /// <summary>The measure kind (measure).</summary>
    public string? MeasureKind { get; init; }

    /// <summary>The command's arguments as given, dates as yyyy-MM-dd, absent arguments left out.</summary>
    public string PayloadJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("date", Text(Date));
            WriteIfSet(writer, "step", StepName);
            WriteIfSet(writer, "until", Until is { } until ? Text(until) : null);
            WriteIfSet(writer, "trigger", Trigger);
            WriteIfSet(writer, "type", MonitoringType);
            WriteIfSet(writer, "helper", HelperName);
            WriteIfSet(writer, "kind", MeasureKind);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A command read back from the case log.</summary>
    public static CaseCommand FromPayload(string name, string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var root = document.RootElement;
        string? Get(string field) => root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CaseCommand
        {
            Name = name,
            Date = Parse(Get("date") ?? throw new FormatException("案件日志缺少 date")),
            StepName = Get("step"),
            Until = Get("until") is { } until ? Parse(until) : null,
            Trigger = Get("trigger"),
            MonitoringType = Get("type"),
            HelperName = Get("helper"),
            MeasureKind = Get("kind"),
        };
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
