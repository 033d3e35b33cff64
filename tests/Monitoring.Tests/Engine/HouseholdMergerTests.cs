using System.Text.Json.Nodes;
using Monitoring.Engine.Cases;
using Monitoring.Engine.History;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Records;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Engine;

/// <summary>Merging an imported record into the stored one, and the version diff the timeline and the import report print.</summary>
public sealed class HouseholdMergerTests
{
    private static readonly ImportedFields CountyExport = ImportedFields.ForColumns(
        new[] { "户编码", "县级代码", "户类别", "收入年度", "收入周期起", "收入周期止", "工资性收入", "计算人口数", "成员编号", "姓名", "证件号码", "出生日期", "健康状况" }
            .Select(h => ImportColumns.Find(h)!));

    /// <summary>Stored: three cycles (2019–2021), visits, an expense, an event, a case; two members.</summary>
    private static HouseholdRecord Stored()
    {
        var json = SampleHousehold.Create("610728-8001");
        json["incomes"] = new JsonArray(Cycle(2019, 13000), Cycle(2020, 11500), Cycle(2021, 9500));
        json["expenses"] = JsonNode.Parse("""[{ "date": "2021-05-01", "kind": "medical", "amount": 12000, "reimbursed": 8000, "memberId": "m1" }]""");
        json["events"] = JsonNode.Parse("""[{ "date": "2021-06-01", "kind": "illness", "note": "住院" }]""");
        json["case"] = JsonNode.Parse("""{ "openedOn": "2021-09-01", "trigger": "candidate", "inclusion": [{ "step": "warning_notice", "date": "2021-09-01" }] }""");
        return CanonicalRecord.Parse(SampleHousehold.Line(json));
    }

    private static JsonObject Cycle(int year, decimal wage) => new()
    {
        ["year"] = year, ["from"] = $"{year - 1}-10-01", ["to"] = $"{year}-09-30", ["wage"] = wage, ["size"] = 1,
    };

    /// <summary>What a county export row gives: ids, category, the newest cycle, the members (no visits, expenses, events, case).</summary>
    private static HouseholdRecord Exported(decimal wage, params (string Id, string? IdNumber, string Name, string Health)[] members) => new()
    {
        Id = "610728-8001",
        Region = new RegionRecord { CountyCode = "610728" },
        Category = "lifted",
        Incomes = [new IncomeCycleRecord { Year = 2022, From = new DateOnly(2021, 10, 1), To = new DateOnly(2022, 9, 30), Wage = wage, Size = 1 }],
        Members = [.. members.Select(m => new MemberRecord { Id = m.Id, IdNumber = m.IdNumber, Name = m.Name, BirthDate = new DateOnly(1980, 1, 1), Health = m.Health })],
    };

    [Fact]
    public void Changed_chinese_values_read_as_chinese_in_the_diff()
    {
        var stored = Stored();
        var changed = CanonicalRecord.Parse(System.Text.Encoding.UTF8.GetString(CanonicalRecord.Bytes(stored)));
        changed.Helper = new HelperRecord { Name = "周勇霞", AssignedOn = new DateOnly(2022, 1, 1) };
        changed.Events = [.. changed.Events!, new EventRecord { Date = new DateOnly(2022, 2, 1), Kind = "illness", Note = "住院治疗" }];

        var lines = string.Join("\n", HouseholdDiffText.Lines(HouseholdDiffer.Compare(stored, changed)));

        Assert.Contains("周勇霞", lines, StringComparison.Ordinal);
        Assert.Contains("住院治疗", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_export_adds_its_cycle_keeps_other_years_and_every_section_it_has_no_columns_for()
    {
        var stored = Stored();
        var exported = Exported(8000, ("m1", "610728198001011233", "张三", "serious"), ("m2", null, "张小", "healthy"));
        var merged = HouseholdMerger.Merge(stored, exported, ImportMode.Merge, CountyExport, keepRecordedCase: false);

        Assert.Equal([2019, 2020, 2021, 2022], merged.Incomes!.Select(c => c.Year!.Value));
        Assert.Equal(8000m, merged.Incomes![3].Wage);
        Assert.Equal(stored.Visits, merged.Visits);
        Assert.Single(merged.Expenses!);
        Assert.Single(merged.Events!);
        Assert.Equal(new DateOnly(2021, 9, 1), merged.Case!.OpenedOn);
        Assert.Equal(stored.Housing!.Safety, merged.Housing!.Safety);
        // Member fields the export has are its newest state; the ones it has no column for are kept.
        Assert.Equal("serious", merged.Members![0].Health);
        Assert.Equal(stored.Members![0].Employment!.Status, merged.Members[0].Employment!.Status);
        Assert.True(merged.Members[1].MedicalInsurance);

        var diff = HouseholdDiffer.Compare(stored, merged);
        Assert.Empty(diff.Removals);
        Assert.Contains("收入周期 2022：新增", HouseholdDiffText.Lines(diff));
        Assert.Contains("成员 m1 张三：修改 健康状况 healthy → serious", HouseholdDiffText.Lines(diff));

        // Merging the same export again changes nothing.
        var again = HouseholdMerger.Merge(merged, exported, ImportMode.Merge, CountyExport, keepRecordedCase: false);
        Assert.Equal(CanonicalRecord.Hash(CanonicalRecord.Bytes(merged)), CanonicalRecord.Hash(CanonicalRecord.Bytes(again)));
    }

    [Fact]
    public void A_cycle_of_a_stored_year_takes_the_files_values_and_members_are_matched_by_resident_id_before_member_id()
    {
        var stored = Stored();
        var exported = Exported(9000, ("A7", "610728198001011233", "张三", "healthy"), ("m2", null, "张小", "healthy"));
        exported.Incomes![0].Year = 2021;
        var merged = HouseholdMerger.Merge(stored, exported, ImportMode.Merge, CountyExport, keepRecordedCase: false);

        Assert.Equal([2019, 2020, 2021], merged.Incomes!.Select(c => c.Year!.Value));
        Assert.Equal(9000m, merged.Incomes![2].Wage);
        Assert.Equal("A7", merged.Members![0].Id);
        Assert.Equal("employed", merged.Members[0].Employment!.Status);
        var diff = HouseholdDiffer.Compare(stored, merged);
        Assert.Contains(diff.Items, i => i.Section == "incomes" && i.Kind == ChangeKind.Changed && i.Key == "2021"
            && i.Fields.Any(f => f.Path == "wage" && f.Before == "9500" && f.After == "9000"));
        Assert.Empty(diff.Removals);
    }

    [Fact]
    public void A_member_the_file_no_longer_lists_is_a_removal()
    {
        var stored = Stored();
        var merged = HouseholdMerger.Merge(stored, Exported(8000, ("m1", "610728198001011233", "张三", "healthy")), ImportMode.Merge, CountyExport, false);
        var removal = Assert.Single(HouseholdDiffer.Compare(stored, merged).Removals);
        Assert.Equal(("members", "m2 张小"), (removal.Section, removal.Key));
    }

    [Fact]
    public void A_json_lines_record_replaces_by_default_keeping_what_case_commands_recorded_and_merges_on_request()
    {
        var stored = Stored();
        var file = CanonicalRecord.Parse(SampleHousehold.Line(SampleHousehold.Create("610728-8001")));
        file.Visits = [new DateOnly(2021, 12, 1)];

        var replaced = HouseholdMerger.Merge(stored, file, ImportMode.Replace, ImportedFields.JsonLines, keepRecordedCase: false);
        var removals = HouseholdDiffer.Compare(stored, replaced).Removals.ToList();
        Assert.Contains(removals, r => r.Section == "incomes" && r.Key == "2019");
        Assert.Contains(removals, r => r.Section == "visits" && r.Key == "2021-07-10");
        Assert.Contains(removals, r => r.Section == "events");
        Assert.Contains(removals, r => r.Section == "case.inclusion");

        var withCase = HouseholdMerger.Merge(stored, file, ImportMode.Replace, ImportedFields.JsonLines, keepRecordedCase: true);
        Assert.Equal(stored.Case!.OpenedOn, withCase.Case!.OpenedOn);
        Assert.Equal([new DateOnly(2021, 7, 10), new DateOnly(2021, 10, 10), new DateOnly(2021, 12, 1)], withCase.Visits);

        var merged = HouseholdMerger.Merge(stored, file, ImportMode.Merge, ImportedFields.JsonLines, keepRecordedCase: false);
        Assert.Equal([2019, 2020, 2021], merged.Incomes!.Select(c => c.Year!.Value));
        Assert.Equal(18002m, merged.Incomes![2].Wage);
        Assert.Equal(3, merged.Visits!.Count);
        Assert.Single(merged.Events!);
        Assert.Empty(HouseholdDiffer.Compare(stored, merged).Removals);
    }

    [Fact]
    public void The_diff_text_masks_resident_ids_and_names_fields_in_chinese()
    {
        var stored = Stored();
        var changed = CanonicalRecord.Clone(stored);
        changed.Category = "monitored";
        changed.Members![1].IdNumber = "610728198001011233";
        var lines = HouseholdDiffText.Lines(HouseholdDiffer.Compare(stored, changed)).ToList();
        Assert.Contains("户类别 lifted → monitored", lines);
        Assert.Contains("成员 m2 张小：修改 证件号码 （空） → 610728********1233", lines);
        Assert.DoesNotContain(lines, l => l.Contains("610728198001011233", StringComparison.Ordinal));
    }
}
