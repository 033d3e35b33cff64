using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;

namespace Monitoring.Engine.Importing;

/// <summary>
/// Combines an imported record with the stored one (docs/decisions/0006-household-history.md).
/// <para><b>Merge</b>: the fields the file carries (<see cref="ImportedFields"/>) take the file's value; income cycles are
/// kept by year (a cycle of the same year takes the file's fields, other years are kept, new years are added); members
/// are matched by resident ID and then member id (a matched member takes the file's fields, a new one is added, a stored
/// member the file no longer lists is removed); visits, events and expenses are the union of both; sections the file
/// does not carry are kept.</para>
/// <para><b>Replace</b>: the file's record.</para>
/// <para>In both, a household with case-log entries keeps what the case commands recorded: the case, the helper (when
/// one is stored), every stored visit, and — once the case reached county approval — its category and monitoring type.</para>
/// </summary>
public static class HouseholdMerger
{
    /// <summary>The top-level fields merged item by item rather than copied.</summary>
    internal static readonly HashSet<string> ListSections = new(StringComparer.Ordinal) { "id", "incomes", "members", "expenses", "events", "visits", "case" };

    public static HouseholdRecord Merge(HouseholdRecord stored, HouseholdRecord imported, ImportMode mode, ImportedFields fields, bool keepRecordedCase)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(fields);
        var result = mode == ImportMode.Replace ? CanonicalRecord.Clone(imported) : MergeFields(stored, imported, fields);
        if (keepRecordedCase)
        {
            KeepRecordedCase(result, stored);
        }

        return result;
    }

    private static HouseholdRecord MergeFields(HouseholdRecord stored, HouseholdRecord imported, ImportedFields fields)
    {
        var target = RecordJson.ToObject(stored);
        var source = RecordJson.ToObject(imported);
        foreach (var path in fields.HouseholdPathsOf(source))
        {
            JsonFieldPath.Copy(source, target, path);
        }

        if (source["incomes"] is JsonArray cycles)
        {
            target["incomes"] = MergeCycles(target["incomes"] as JsonArray ?? [], cycles, fields.CycleFields);
        }

        if (source["members"] is JsonArray members)
        {
            target["members"] = MergeMembers(target["members"] as JsonArray ?? [], members, fields.MemberFields);
        }

        foreach (var section in (string[])["expenses", "events"])
        {
            if (source[section] is JsonArray items)
            {
                target[section] = new JsonArray([.. Union(target[section] as JsonArray ?? [], items)]);
            }
        }

        if (source["visits"] is JsonArray visits)
        {
            target["visits"] = new JsonArray([.. Union(target["visits"] as JsonArray ?? [], visits).OrderBy(v => v?.GetValue<string>(), StringComparer.Ordinal)
                .Select(v => v?.DeepClone())]);
        }

        if (source["case"] is JsonObject caseRecord)
        {
            target["case"] = caseRecord.DeepClone();
        }

        return RecordJson.ToRecord(target);
    }

    /// <summary>The key an income cycle is kept by: its year, else its period.</summary>
    internal static string CycleKey(JsonNode? cycle) =>
        cycle?["year"] is { } year ? year.ToJsonString() : $"{cycle?["from"]?.ToJsonString()}~{cycle?["to"]?.ToJsonString()}";

    private static JsonArray MergeCycles(JsonArray stored, JsonArray imported, IReadOnlyList<string>? cycleFields)
    {
        var result = new JsonArray([.. stored.Select(c => c?.DeepClone())]);
        foreach (var cycle in imported.OfType<JsonObject>())
        {
            var key = CycleKey(cycle);
            var match = result.OfType<JsonObject>().FirstOrDefault(c => CycleKey(c) == key);
            if (match is null)
            {
                result.Add(cycle.DeepClone());
            }
            else if (cycleFields is null)
            {
                result[result.IndexOf(match)] = cycle.DeepClone();
            }
            else
            {
                foreach (var field in cycleFields)
                {
                    JsonFieldPath.Copy(cycle, match, field);
                }
            }
        }

        return result;
    }

    private static JsonArray MergeMembers(JsonArray stored, JsonArray imported, IReadOnlyList<string>? memberFields)
    {
        var matches = MemberMatcher.Match(stored, imported);
        var result = new JsonArray();
        for (var i = 0; i < imported.Count; i++)
        {
            if (imported[i] is not JsonObject member)
            {
                continue;
            }

            if (matches[i] is not { } storedIndex || memberFields is null)
            {
                result.Add(member.DeepClone());
                continue;
            }

            var merged = stored[storedIndex]!.AsObject().DeepClone().AsObject();
            foreach (var field in memberFields)
            {
                JsonFieldPath.Copy(member, merged, field);
            }

            result.Add(merged);
        }

        return result;
    }

    private static List<JsonNode?> Union(JsonArray stored, JsonArray imported)
    {
        var result = stored.Select(n => n?.DeepClone()).ToList();
        var remaining = stored.Select(n => n?.ToJsonString() ?? "null").ToList();
        foreach (var item in imported)
        {
            var text = item?.ToJsonString() ?? "null";
            if (!remaining.Remove(text))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }

    private static void KeepRecordedCase(HouseholdRecord result, HouseholdRecord stored)
    {
        result.Case = stored.Case is null ? null : CanonicalRecord.Clone(new HouseholdRecord { Case = stored.Case }).Case;
        result.Helper = stored.Helper is null ? result.Helper : CanonicalRecord.Clone(new HouseholdRecord { Helper = stored.Helper }).Helper;
        var visits = (result.Visits ?? []).Union(stored.Visits ?? []).Order().ToList();
        result.Visits = visits.Count == 0 && result.Visits is null && stored.Visits is null ? null : visits;
        // Events the case commands added (an open on a declaration or warning, a verified lead) stay with the household.
        var recorded = (stored.Events ?? []).Where(CaseProcedure.IsRecordedEvent)
            .Where(e => !(result.Events ?? []).Any(r => r.Date == e.Date && r.Kind == e.Kind && r.Note == e.Note))
            .Select(e => CanonicalRecord.Clone(new HouseholdRecord { Events = [e] }).Events![0])
            .ToList();
        if (recorded.Count > 0)
        {
            result.Events = [.. result.Events ?? [], .. recorded];
        }
        if (CaseStates.Of(stored.Case) is CaseState.Included or CaseState.Releasing or CaseState.Released)
        {
            result.Category = stored.Category;
            result.MonitoringType = stored.MonitoringType;
        }
    }
}
