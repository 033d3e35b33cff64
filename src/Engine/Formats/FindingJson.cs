using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitoring.Engine.Findings;
using Monitoring.Engine.Output;


namespace Monitoring.Engine.Formats;

/// <summary>
/// Writes findings as JSON Lines in the documented field order (householdId, ruleId, memberId, severity,
/// asOf, ruleVersion, profile, values, parameters, explanation, source), followed by extension fields
/// (parameterSources, titleZh, category, villageCode, countyCode). Chinese text is written unescaped.
/// </summary>
public static class FindingJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false, SkipValidation = true };

    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _perThread;

    /// <summary>
    /// Where the top-level as-of date sits in a finding's compact JSON: the first <c>"asOf":"</c>, followed by the
    /// ten characters of the date and the closing quote (the writer puts it before <c>values</c>). A stored finding's
    /// outcome hash leaves it out; a finding carried to a later night gets that night's date there.
    /// </summary>
    public const string AsOfPrefix = "\"asOf\":\"";

    /// <summary>Length of <see cref="AsOfPrefix"/>, the yyyy-MM-dd date and its closing quote.</summary>
    public const int AsOfLength = 8 + 10 + 1;

    /// <summary>One finding as compact UTF-8 JSON (no line end); reuses a per-thread buffer.</summary>
    public static byte[] Serialize(Finding finding)
    {
        if (_perThread is not { } state)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
            state = (buffer, new Utf8JsonWriter(buffer, Options));
            _perThread = state;
        }

        state.Buffer.ResetWrittenCount();
        state.Writer.Reset(state.Buffer);
        Write(state.Writer, finding);
        state.Writer.Flush();
        return state.Buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, Finding f)
    {
        writer.WriteStartObject();
        if (f.Area is not null)
        {
            writer.WriteNull("householdId");
        }
        else
        {
            writer.WriteString("householdId", M(f.HouseholdId));
        }

        writer.WriteString("ruleId", f.RuleId);
        if (f.MemberId is null)
        {
            writer.WriteNull("memberId");
        }
        else
        {
            writer.WriteString("memberId", M(f.MemberId));
        }

        writer.WriteString("severity", f.Severity);
        writer.WriteString("asOf", f.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("ruleVersion", f.RuleVersion);
        writer.WriteString("profile", f.Profile);
        writer.WriteStartObject("values");
        foreach (var (name, value) in f.Values)
        {
            writer.WritePropertyName(M(name));
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("parameters");
        foreach (var p in f.Parameters)
        {
            writer.WritePropertyName(p.Name);
            if (p.Number is decimal number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(M(p.RawValue));
            }
        }

        writer.WriteEndObject();
        writer.WriteString("explanation", M(f.Explanation));
        writer.WriteString("source", M(f.Source));
        writer.WriteStartObject("parameterSources");
        foreach (var p in f.Parameters)
        {
            writer.WriteStartObject(p.Name);
            writer.WriteString("from", p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (p.ForYear is int year)
            {
                writer.WriteNumber("forYear", year);
                writer.WriteBoolean("carriedForward", p.CarriedForward);
            }

            writer.WriteString("origin", p.Origin);
            writer.WriteString("originZh", M(p.OriginNameZh));
            writer.WriteBoolean("countySet", p.CountySet);
            writer.WriteString("reference", M(p.Reference));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteString("titleZh", M(f.TitleZh));
        writer.WriteString("category", f.Category);
        if (f.VillageCode is not null)
        {
            writer.WriteString("villageCode", M(f.VillageCode));
        }

        if (f.CountyCode is not null)
        {
            writer.WriteString("countyCode", M(f.CountyCode));
        }

        if (f.Area is { } area)
        {
            writer.WriteString("scope", "area");
            writer.WriteStartObject("area");
            writer.WriteString("countyCode", area.CountyCode);
            writer.WriteString("list", area.ListId);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Every string a finding carries passes the resident-ID mask (a number typed into a name, an id or a note).</summary>
    private static string M(string text) => ResidentIdMasking.Apply(text);

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case decimal d:
                writer.WriteNumberValue(Math.Round(d, 4, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case string s:
                writer.WriteStringValue(M(s));
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(M(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }
}
