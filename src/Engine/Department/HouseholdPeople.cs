using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Engine.Reading;

namespace Monitoring.Engine.Department;

/// <summary>Reads only a household line's id and its members' resident IDs (the shared-person pre-pass of <c>evaluate</c>).</summary>
public static class HouseholdPeople
{
    /// <summary>
    /// (line number, household id, trimmed upper-cased resident ID) of every member with an ID, in no particular order; unreadable
    /// lines are skipped, and so are lines not in <paramref name="wanted"/> (when given) without being parsed.
    /// </summary>
    public static IEnumerable<(long Line, string HouseholdId, string IdNumber)> Scan(IEnumerable<byte[]> lines, IReadOnlySet<long>? wanted = null) =>
        lines.Select((line, index) => (Number: index + 1L, Line: line))
            .Where(l => wanted is null || wanted.Contains(l.Number))
            // Parsing is the cost, and lines are independent: parse them on every core (the order of the results does
            // not matter to PersonIndex.Build).
            .AsParallel()
            .SelectMany(l => People(l.Number, l.Line));

    private static List<(long, string, string)> People(long number, byte[] line)
    {
        var people = new List<(long, string, string)>();
        if (Utf8LineReader.IsBlank(line))
        {
            return people;
        }

        PeopleLine? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(line, PeopleJsonContext.Default.PeopleLine);
        }
        catch (JsonException)
        {
            return people;
        }

        if (parsed?.Id is not { Length: > 0 } id || parsed.Members is null)
        {
            return people;
        }

        foreach (var member in parsed.Members)
        {
            if (RosterLineValidator.Normalise(member?.IdNumber) is { Length: > 0 } idNumber)
            {
                people.Add((number, id, idNumber));
            }
        }

        return people;
    }

    /// <summary>The shared-person index of a JSON Lines file (read twice, parsed once: see <see cref="PersonIndex.Build"/>).</summary>
    public static PersonIndex IndexFile(string path) =>
        PersonIndex.Build(wanted => ScanFile(path, wanted));

    private static IEnumerable<(long, string, string)> ScanFile(string path, IReadOnlySet<long>? wanted)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var pair in Scan(new Utf8LineReader(stream).ReadLines(), wanted))
        {
            yield return pair;
        }
    }
}

/// <summary>The fields <see cref="HouseholdPeople"/> reads.</summary>
public sealed class PeopleLine
{
    public string? Id { get; set; }

    public List<PeopleMember?>? Members { get; set; }
}

/// <summary>A member's resident ID only.</summary>
public sealed class PeopleMember
{
    public string? IdNumber { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PeopleLine))]
internal sealed partial class PeopleJsonContext : JsonSerializerContext;
