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

    /// <summary>
    /// An event recorded on the household (a verified lead: <c>self_declared</c> or <c>department_warning</c>), not a step
    /// staff type on the case form: it is not in <see cref="Names"/>.
    /// </summary>
    public const string Event = "event";

    /// <summary>A correction: replaces the entry <see cref="Entry"/> by the command with the values given (<see cref="Replaces"/> names it).</summary>
    public const string Correct = "correct";

    /// <summary>A void: the entry <see cref="Entry"/> is taken back as if never recorded (it stays in the log).</summary>
    public const string Void = "void";

    /// <summary>Every command name that records something done, in procedure order.</summary>
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

    /// <summary>The event's kind (event): an events[].kind code.</summary>
    public string? EventKind { get; init; }

    /// <summary>The event's note (event).</summary>
    public string? Note { get; init; }

    /// <summary>The case-log entry a correction or void names.</summary>
    public long? Entry { get; init; }

    /// <summary>Why the entry is corrected or voided.</summary>
    public string? Reason { get; init; }

    /// <summary>A correction: the name of the command it replaces (open, step, …), its other fields being the corrected values.</summary>
    public string? Replaces { get; init; }

    /// <summary>Corrections and voids: commands about other entries, not about something done.</summary>
    public bool IsAmendment => Name is Correct or Void;

    /// <summary>The command a correction stands for (the replaced command's name with the corrected values).</summary>
    public CaseCommand AsReplacement() => this with { Name = Replaces ?? throw new InvalidOperationException("更正缺少被更正的命令名"), Entry = null, Reason = null, Replaces = null };

    /// <summary>The command's arguments as given, dates as yyyy-MM-dd, absent arguments left out.</summary>
    public string PayloadJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (Entry is { } entry)
            {
                writer.WriteNumber("entry", entry);
            }

            WriteIfSet(writer, "command", Replaces);
            WriteIfSet(writer, "reason", Reason);
            writer.WriteString("date", Text(Date));
            WriteIfSet(writer, "step", StepName);
            WriteIfSet(writer, "until", Until is { } until ? Text(until) : null);
            WriteIfSet(writer, "trigger", Trigger);
            WriteIfSet(writer, "type", MonitoringType);
            WriteIfSet(writer, "helper", HelperName);
            WriteIfSet(writer, "kind", MeasureKind);
            WriteIfSet(writer, "event", EventKind);
            WriteIfSet(writer, "note", Note);
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
            EventKind = Get("event"),
            Note = Get("note"),
            Entry = root.TryGetProperty("entry", out var entry) && entry.ValueKind == JsonValueKind.Number ? entry.GetInt64() : null,
            Reason = Get("reason"),
            Replaces = Get("command"),
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
