using Monitoring.Engine.Records;
using Monitoring.Rules.Department;

namespace Monitoring.Engine.Department;

/// <summary>
/// Department rosters that match generated households (<c>generate --rosters DIR</c>): each list mostly agrees with the
/// records, with a realistic share of disagreements (about 3 % of the people a list covers), a few 拆户保 families (a dibao
/// case covering only part of a lifted or monitored family), department warnings some of which are never verified, and
/// one warning list delivered late. Deterministic per seed and household: the same households give the same rosters.
/// </summary>
public sealed class RosterGenerator
{
    private readonly int _seed;
    private readonly DateOnly _asOf;
    private readonly Dictionary<(string List, string County), List<RosterLine>> _lines = [];

    public RosterGenerator(int seed, DateOnly asOf)
    {
        _seed = seed;
        _asOf = asOf;
    }

    /// <summary>Snapshot dates relative to the as-of: all current except warn-yiliao (delivered 20 days before: late).</summary>
    public static IReadOnlyList<(string List, int DaysBefore)> Deliveries { get; } =
    [
        (DepartmentLists.Dibao, 10), (DepartmentLists.Tekun, 10), (DepartmentLists.DisabilitySubsidy, 15), (DepartmentLists.MedicalEnrollment, 5),
        (DepartmentLists.Students, 20), (DepartmentLists.Disabled, 15), (DepartmentLists.HousingAppraisal, 25), ("warn-yingji", 3), ("warn-yiliao", 20),
    ];

    /// <summary>Adds the lines one household gives each list.</summary>
    public void Add(HouseholdRecord household)
    {
        var county = household.Region?.CountyCode ?? "";
        var members = (household.Members ?? []).Where(m => !string.IsNullOrEmpty(m.IdNumber)).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var rng = new Random(unchecked((_seed * 486187739) + StableHash(household.Id ?? "")));
        bool Flip(double share) => rng.NextDouble() < share;
        var split = household.Category is "lifted" or "monitored" && members.Count >= 3 && Flip(0.02);

        foreach (var (assistance, list) in new[] { ("dibao", DepartmentLists.Dibao), ("tekun", DepartmentLists.Tekun) })
        {
            var covered = members.Where(m => m.Assistance?.Contains(assistance) == true).Select(m => m.IdNumber!).ToList();
            if (assistance == "dibao" && split)
            {
                // 拆户保: the family's dibao case covers only the first members; the others are in no tekun case.
                covered = [.. members.Take(members.Count / 2).Select(m => m.IdNumber!)];
            }
            else if (covered.Count > 0 && Flip(0.03))
            {
                covered.RemoveAt(covered.Count - 1);
            }
            else if (covered.Count == 0 && Flip(0.005))
            {
                covered.Add(members[0].IdNumber!);
            }

            if (covered.Count > 0)
            {
                Lines(list, county).Add(new RosterLine { CaseNo = $"{(assistance == "dibao" ? "MZ" : "TK")}-{household.Id}", Members = covered, From = _asOf.AddYears(-1) });
            }
        }

        foreach (var m in members)
        {
            if (m.MedicalInsurance is { } insured && (insured != Flip(0.03)))
            {
                Lines(DepartmentLists.MedicalEnrollment, county).Add(new RosterLine { IdNumber = m.IdNumber, Year = _asOf.Year, Enrolled = true });
            }

            if (m.Schooling is "enrolled" or "home_teaching" or "not_enrolled" or "exempt_health")
            {
                var status = m.Schooling switch { "not_enrolled" => "dropped_out", var s => s };
                if (Flip(0.03))
                {
                    status = status is "dropped_out" or "exempt_health" ? "enrolled" : "dropped_out";
                }

                Lines(DepartmentLists.Students, county).Add(new RosterLine { IdNumber = m.IdNumber, Term = $"{_asOf.Year}-{(_asOf.Month >= 9 ? "autumn" : "spring")}", Status = status });
            }

            if (m.DisabilityGrade is { } grade && !Flip(0.02))
            {
                Lines(DepartmentLists.Disabled, county).Add(new RosterLine
                {
                    IdNumber = m.IdNumber, Grade = Flip(0.03) ? (grade == 4 ? 3 : grade + 1) : grade, CertifiedOn = _asOf.AddYears(-3),
                });
            }

            var subsidised = m.DisabilitySubsidies is { } s2 ? s2.Living == true || s2.Nursing == true : m.Assistance?.Contains("disability_allowance") == true;
            if (subsidised && !Flip(0.03))
            {
                if (m.DisabilitySubsidies is null || m.DisabilitySubsidies.Living == true)
                {
                    Lines(DepartmentLists.DisabilitySubsidy, county).Add(new RosterLine { IdNumber = m.IdNumber, Kind = "living", From = _asOf.AddYears(-2) });
                }

                if (m.DisabilitySubsidies?.Nursing == true)
                {
                    Lines(DepartmentLists.DisabilitySubsidy, county).Add(new RosterLine { IdNumber = m.IdNumber, Kind = "nursing", From = _asOf.AddYears(-2) });
                }
            }

            if (m.Relation == "head" && household.Housing is { Safety: "A" or "B" or "C" or "D", AppraisedOn: { } appraised } housing)
            {
                var safety = Flip(0.03) ? (housing.Safety == "A" ? "C" : "A") : housing.Safety;
                Lines(DepartmentLists.HousingAppraisal, county).Add(new RosterLine { IdNumber = m.IdNumber, Safety = safety, AppraisedOn = appraised });
            }
        }

        if (Flip(0.03))
        {
            // A department warning for the head: dated 5 to 40 days before the as-of, so some are past the 15-day grace.
            var date = _asOf.AddDays(-rng.Next(5, 41));
            var list = date <= _asOf.AddDays(-20) ? "warn-yiliao" : "warn-yingji";
            Lines(list, county).Add(new RosterLine { IdNumber = members[0].IdNumber, Date = date, Kind = list == "warn-yiliao" ? "serious_illness" : "disaster", Note = "部门筛查预警" });
        }
    }

    /// <summary>Writes each list of each county as <c>&lt;list&gt;.&lt;county&gt;.&lt;snapshot&gt;.jsonl</c>; returns the files written.</summary>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var ((list, county), lines) in _lines.OrderBy(l => l.Key.County, StringComparer.Ordinal).ThenBy(l => l.Key.List, StringComparer.Ordinal))
        {
            var days = Deliveries.First(d => d.List == list).DaysBefore;
            var path = Path.Combine(directory, RosterFileName.Of(list, county, _asOf.AddDays(-days)));
            var temp = path + ".tmp";
            File.WriteAllLines(temp, lines.Select(l => System.Text.Json.JsonSerializer.Serialize(l, RosterJsonContext.Default.RosterLine)));
            File.Move(temp, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }

    private List<RosterLine> Lines(string list, string county)
    {
        if (!_lines.TryGetValue((list, county), out var lines))
        {
            lines = [];
            _lines[(list, county)] = lines;
        }

        return lines;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
