using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Rules.Department;
using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Department;

/// <summary>
/// Builds <see cref="DepartmentFacts"/> for one household (pure): matches its members' resident IDs (trimmed, upper-cased)
/// with the county's roster lines and records, per check of department-data.md, every difference between record and
/// the list's newest snapshot, naming list, snapshot, line and field. Whether a snapshot is current is left to the
/// rules (<c>rosterMaxAgeDays</c> is county-set).
/// </summary>
public static class DepartmentFactsBuilder
{
    public static DepartmentFacts Build(HouseholdRecord record, IReadOnlyList<MemberFacts> members, DateOnly asOf, DepartmentContext context)
    {
        var county = record.Region?.CountyCode ?? "";
        var householdId = record.Id ?? "";
        var newest = context.Rosters.NewestOf(county);
        var people = new List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)>(members.Count);
        var duplicates = new List<DuplicatePersonFacts>();
        for (var i = 0; i < members.Count && i < (record.Members?.Count ?? 0); i++)
        {
            var member = record.Members![i];
            var id = RosterLineValidator.Normalise(member.IdNumber);
            if (string.IsNullOrEmpty(id))
            {
                people.Add((member, members[i], null, []));
                continue;
            }

            people.Add((member, members[i], id, context.Rosters.Find(county, id)));
            if (context.People.Count > 0 && context.People.OthersOf(id, householdId) is { Count: > 0 } others)
            {
                duplicates.Add(new DuplicatePersonFacts { MemberId = members[i].Id, MaskedIdNumber = ResidentIdNumber.Mask(id), OtherHouseholds = others });
            }
        }

        if (newest.Count == 0 && duplicates.Count == 0 && people.All(p => p.Hits.Count == 0))
        {
            return DepartmentFacts.None(asOf);
        }

        return new DepartmentFacts
        {
            AsOf = asOf,
            Newest = newest.ToDictionary(n => n.Key, n => new RosterState(n.Key, n.Value.Id, n.Value.SnapshotDate), StringComparer.Ordinal),
            Dibao = Assistance(people, newest, DepartmentLists.Dibao, "dibao"),
            Tekun = Assistance(people, newest, DepartmentLists.Tekun, "tekun"),
            DibaoCases = SplitCases(people, newest),
            Insurance = Insurance(people, newest, asOf),
            School = School(people, newest),
            DisabilityGrades = DisabilityGrades(people, newest),
            DisabilityAllowances = DisabilityAllowances(people, newest),
            Housing = Housing(record, people, newest),
            Warnings = Warnings(people, asOf),
            Duplicates = duplicates,
        };
    }

    private static IEnumerable<RosterHit> In(IReadOnlyList<RosterHit> hits, RosterSnapshot? snapshot) =>
        snapshot is null ? [] : hits.Where(h => ReferenceEquals(h.Snapshot, snapshot));

    private static RosterDifference Difference(MemberFacts member, RosterSnapshot snapshot, int? line, string field, string recorded, string roster) => new()
    {
        MemberId = member.Id,
        Age = member.Age,
        ListId = snapshot.ListId,
        SnapshotId = snapshot.Id,
        SnapshotDate = snapshot.SnapshotDate,
        Line = line,
        Field = field,
        Recorded = recorded,
        Roster = roster,
    };

    /// <summary>Listed but not recorded, or recorded but not listed.</summary>
    private static List<RosterDifference> Assistance(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest, string listId, string assistance)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(listId, out var snapshot))
        {
            return differences;
        }

        foreach (var (_, facts, id, hits) in people)
        {
            var line = In(hits, snapshot).FirstOrDefault();
            var recorded = facts.Receives(assistance);
            if (recorded && line is null && id is not null)
            {
                differences.Add(Difference(facts, snapshot, null, $"assistance.{assistance}", "享受", "未列入名单"));
            }
            else if (recorded && id is null)
            {
                differences.Add(Difference(facts, snapshot, null, $"assistance.{assistance}", "享受", "无法比对（档案无身份证号）"));
            }
            else if (!recorded && line is not null)
            {
                differences.Add(Difference(facts, snapshot, line.Line.Number, $"assistance.{assistance}", "未享受", $"列入（案件 {line.Line.Line.CaseNo}）"));
            }
        }

        return differences;
    }

    private static List<SplitCaseFacts> SplitCases(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest)
    {
        var cases = new List<SplitCaseFacts>();
        if (!newest.TryGetValue(DepartmentLists.Dibao, out var dibao))
        {
            return cases;
        }

        newest.TryGetValue(DepartmentLists.Tekun, out var tekun);
        var seen = new HashSet<int>();
        foreach (var (_, _, _, hits) in people)
        {
            foreach (var hit in In(hits, dibao))
            {
                if (!seen.Add(hit.Line.Number))
                {
                    continue;
                }

                var caseMembers = hit.Line.Line.Members ?? [];
                var covered = people.Where(p => p.IdNumber is not null && caseMembers.Contains(p.IdNumber)).Select(p => p.Facts.Id).ToList();
                // S \ D not in any tekun case (S: the member IDs of the household; a member without an ID is not in S).
                var leftOut = people.Where(p => p.IdNumber is not null && !caseMembers.Contains(p.IdNumber))
                    .Where(p => !In(p.Hits, tekun).Any())
                    .Select(p => p.Facts.Id).ToList();
                var household = people.Where(p => p.IdNumber is not null).Select(p => p.IdNumber!).ToHashSet(StringComparer.Ordinal);
                cases.Add(new SplitCaseFacts
                {
                    CaseNo = hit.Line.Line.CaseNo ?? "",
                    SnapshotId = dibao.Id,
                    SnapshotDate = dibao.SnapshotDate,
                    Line = hit.Line.Number,
                    Covered = covered,
                    LeftOut = leftOut,
                    Outside = [.. caseMembers.Where(m => !household.Contains(m)).Select(ResidentIdNumber.Mask)],
                });
            }
        }

        return cases;
    }

    private static List<RosterDifference> Insurance(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest, DateOnly asOf)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(DepartmentLists.MedicalEnrollment, out var snapshot))
        {
            return differences;
        }

        foreach (var (record, facts, id, hits) in people)
        {
            if (record.MedicalInsurance is not { } insured || id is null)
            {
                continue;
            }

            var line = In(hits, snapshot).FirstOrDefault(h => h.Line.Line.Year == asOf.Year && h.Line.Line.Enrolled == true);
            if (insured && line is null)
            {
                differences.Add(Difference(facts, snapshot, null, "medicalInsurance", "已参保", $"{asOf.Year} 年无参保记录"));
            }
            else if (!insured && line is not null)
            {
                differences.Add(Difference(facts, snapshot, line.Line.Number, "medicalInsurance", "未参保", $"{asOf.Year} 年已参保"));
            }
        }

        return differences;
    }

    private static List<RosterDifference> School(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(DepartmentLists.Students, out var snapshot))
        {
            return differences;
        }

        foreach (var (_, facts, id, hits) in people)
        {
            if (id is null)
            {
                continue;
            }

            // The person's line of the latest term (autumn after spring); the last such line if several.
            var line = In(hits, snapshot).OrderBy(h => h.Line.Line.Term, StringComparer.Ordinal).ThenBy(h => h.Line.Number).LastOrDefault();
            var status = line?.Line.Line.Status;
            var recordedInSchool = facts.Schooling is "enrolled" or "home_teaching";
            var recordedOut = facts.Schooling is "not_enrolled" or "exempt_health";
            if (recordedInSchool && status is null or "dropped_out")
            {
                differences.Add(Difference(facts, snapshot, line?.Line.Number, "schooling", facts.Schooling, status ?? "名单中无此人"));
            }
            else if (recordedOut && status is "enrolled" or "home_teaching")
            {
                differences.Add(Difference(facts, snapshot, line!.Line.Number, "schooling", facts.Schooling, status));
            }
        }

        return differences;
    }

    private static List<RosterDifference> DisabilityGrades(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(DepartmentLists.Disabled, out var disabled))
        {
            return differences;
        }

        foreach (var (_, facts, id, hits) in people)
        {
            if (id is null)
            {
                continue;
            }

            // The person's newest certificate line (latest certifiedOn, then the last line); no line means no grade.
            var line = In(hits, disabled).OrderBy(h => h.Line.Line.CertifiedOn ?? DateOnly.MinValue).ThenBy(h => h.Line.Number).LastOrDefault();
            var rosterGrade = line?.Line.Line.Grade;
            if (rosterGrade != facts.DisabilityGrade)
            {
                differences.Add(Difference(facts, disabled, line?.Line.Number, "disabilityGrade",
                    facts.DisabilityGrade is { } g ? $"{g} 级" : "无", rosterGrade is { } r ? $"{r} 级" : "名单中无此人"));
            }
        }

        return differences;
    }

    /// <summary>
    /// With format 1.1 <c>disabilitySubsidies</c>: living and nursing each against the roster's lines of that kind; otherwise
    /// <c>disability_allowance</c> in <c>assistance</c> against "the roster has any line for the person".
    /// </summary>
    private static List<RosterDifference> DisabilityAllowances(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(DepartmentLists.DisabilitySubsidy, out var subsidy))
        {
            return differences;
        }

        foreach (var (record, facts, id, hits) in people)
        {
            if (id is null)
            {
                continue;
            }

            var lines = In(hits, subsidy).ToList();
            if (record.DisabilitySubsidies is { } subsidies)
            {
                // Format 1.1: each of living and nursing against the roster's lines of that kind.
                foreach (var (kind, received) in new[] { ("living", subsidies.Living == true), ("nursing", subsidies.Nursing == true) })
                {
                    var ofKind = lines.FirstOrDefault(l => l.Line.Line.Kind == kind);
                    if (received != (ofKind is not null))
                    {
                        differences.Add(Difference(facts, subsidy, ofKind?.Line.Number, $"disabilitySubsidies.{kind}",
                            received ? "享受" : "未享受", ofKind is not null ? "列入" : "名单中无此人此类补贴"));
                    }
                }

                continue;
            }

            var recorded = facts.Receives("disability_allowance");
            var listed = lines.Count > 0;
            if (recorded != listed)
            {
                differences.Add(Difference(facts, subsidy, lines.FirstOrDefault()?.Line.Number, "assistance.disability_allowance",
                    recorded ? "享受" : "未享受", listed ? $"列入（{string.Join("、", lines.Select(l => l.Line.Line.Kind))}）" : "名单中无此人"));
            }
        }

        return differences;
    }

    private static List<RosterDifference> Housing(HouseholdRecord record, List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people,
        IReadOnlyDictionary<string, RosterSnapshot> newest)
    {
        var differences = new List<RosterDifference>();
        if (!newest.TryGetValue(DepartmentLists.HousingAppraisal, out var snapshot))
        {
            return differences;
        }

        var head = people.FirstOrDefault(p => p.Facts.Relation == "head");
        if (head.IdNumber is null)
        {
            return differences;
        }

        var line = In(head.Hits, snapshot).OrderBy(h => h.Line.Line.AppraisedOn ?? DateOnly.MinValue).ThenBy(h => h.Line.Number).LastOrDefault();
        if (line is null)
        {
            return differences;
        }

        var roster = line.Line.Line;
        var safety = record.Housing?.Safety;
        if (safety != roster.Safety)
        {
            differences.Add(Difference(head.Facts, snapshot, line.Line.Number, "housing.safety", safety ?? "无", roster.Safety ?? ""));
        }

        var appraisedOn = record.Housing?.AppraisedOn;
        if (appraisedOn != roster.AppraisedOn)
        {
            differences.Add(Difference(head.Facts, snapshot, line.Line.Number, "housing.appraisedOn", appraisedOn?.ToString("yyyy-MM-dd") ?? "无",
                roster.AppraisedOn?.ToString("yyyy-MM-dd") ?? ""));
        }

        return differences;
    }

    private static List<WarningFacts> Warnings(List<(MemberRecord Record, MemberFacts Facts, string? IdNumber, IReadOnlyList<RosterHit> Hits)> people, DateOnly asOf)
    {
        var warnings = new List<WarningFacts>();
        foreach (var (_, facts, _, hits) in people)
        {
            foreach (var hit in hits)
            {
                if (!hit.Snapshot.IsWarning || hit.Line.Line.Date is not { } date)
                {
                    continue;
                }

                warnings.Add(new WarningFacts
                {
                    MemberId = facts.Id,
                    ListId = hit.Snapshot.ListId,
                    SnapshotId = hit.Snapshot.Id,
                    SnapshotDate = hit.Snapshot.SnapshotDate,
                    Line = hit.Line.Number,
                    Date = date,
                    DaysAgo = asOf.DayNumber - date.DayNumber,
                    Kind = hit.Line.Line.Kind ?? "",
                });
            }
        }

        warnings.Sort((a, b) => a.Date.CompareTo(b.Date));
        return warnings;
    }
}
