using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Engine.Importing;
using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Spreadsheets;

/// <summary>Member-per-row spreadsheets and CSV files grouped into household records (docs/import-mapping.md).</summary>
public sealed class TabularHouseholdReaderTests
{
    private static readonly string[] Minimal = ["户编码", "县级代码", "户类别", "成员编号", "出生日期"];
    private static readonly string[] MinimalRow = ["610728-0001", "610728", "脱贫户", "m1", "1980-01-01"];

    private static List<TabularHousehold> ReadCsv(IEnumerable<string?[]> rows, bool bom = false, string newline = "\n") =>
        [.. TabularHouseholdReader.Read(SheetFiles.Csv(rows, bom, newline), TabularFormat.Csv)];

    private static List<TabularHousehold> ReadXlsx(IEnumerable<object?[]> rows, bool date1904 = false, bool inlineStrings = false) =>
        [.. TabularHouseholdReader.Read(SheetFiles.Xlsx(rows, date1904, inlineStrings), TabularFormat.Xlsx)];

    /// <summary>One household with one member: the minimal columns plus <paramref name="header"/> = <paramref name="value"/>.</summary>
    private static TabularHousehold One(string header, string value)
    {
        var headers = Minimal.Contains(header) ? Minimal : [.. Minimal, header];
        var row = MinimalRow.ToList();
        if (Array.IndexOf(Minimal, header) is var at and >= 0)
        {
            row[at] = value;
        }
        else
        {
            row.Add(value);
        }

        return Assert.Single(ReadCsv([headers, [.. row]]));
    }

    private static JsonNode Json(HouseholdRecord record) =>
        JsonNode.Parse(JsonSerializer.Serialize(record, RecordJsonContext.Default.HouseholdRecord))!;

    /// <summary>The value at a column's field path (members[] means the first member).</summary>
    private static JsonNode? At(HouseholdRecord record, string fieldPath)
    {
        JsonNode? node = Json(record);
        foreach (var part in fieldPath.Split('.'))
        {
            node = part switch
            {
                "members[]" => node?["members"]?[0],
                "incomes[0]" => node?["incomes"]?[0],
                _ => node?[part],
            };
        }

        return node;
    }

    [Fact]
    public void Consecutive_member_rows_are_grouped_into_households_in_order_of_first_appearance()
    {
        var households = ReadCsv(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "姓名", "出生日期", "未知列"],
            ["610728-0002", "610728", "监测户", "m1", "王一", "1970-05-01", "x"],
            ["610728-0002", "610728", "监测户", "m2", "王二", "1972-06-01", ""],
            [],
            ["610728-0001", "610728", "lifted", "m1", "李一", "1960-01-01", ""],
            ["610728-0003", "610728", "一般农户", "m1", "赵一", "1990-01-01", ""],
            ["610728-0003", "610728", "", "m2", "赵二", "1991-01-01", ""],
            ["610728-0003", "610728", "一般农户", "m3", "赵三", "2015-01-01", ""],
        ]);

        Assert.All(households, h => Assert.Empty(h.Problems));
        Assert.Equal(["610728-0002", "610728-0001", "610728-0003"], households.Select(h => h.Record!.Id));
        Assert.Equal([2L, 5, 6], households.Select(h => h.FirstRow));
        Assert.Equal([2, 1, 3], households.Select(h => h.Record!.Members!.Count));
        Assert.Equal(["m1", "m2", "m3"], households[2].Record!.Members!.Select(m => m.Id));
        Assert.Equal([6L, 7, 8], households[2].MemberRows);
        Assert.Equal(["monitored", "lifted", "ordinary"], households.Select(h => h.Record!.Category));
        Assert.Equal("王二", households[0].Record!.Members![1].Name);
    }

    [Fact]
    public void Format_1_1_columns_fill_the_new_optional_fields()
    {
        var household = Assert.Single(ReadCsv(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "出生日期", "计划脱贫年度", "产业脱贫", "集中排查日期", "参加城乡居民养老保险", "养老保险代缴", "养老保险年度",
                "重度残疾人护理补贴", "困难残疾人生活补贴", "关爱对象类别", "关爱等级", "关爱帮扶责任人"],
            ["610927-0001", "610927", "脱贫户", "m1", "1960-01-01", "2017", "是", "2017/5/20", "是", "否", "2017", "否", "是", "留守老人", "特别困难", "王五"],
            ["610927-0001", "610927", "脱贫户", "m2", "1990-01-01", "", "", "", "否", "", "", "", "", "", "", ""],
        ]));
        Assert.Empty(household.Problems);
        var record = household.Record!;
        Assert.Equal(2017, record.ExitPlan!.Year);
        Assert.True(record.ExitPlan.ViaIndustry);
        Assert.Equal([new DateOnly(2017, 5, 20)], record.Screenings);
        var head = record.Members![0];
        Assert.True(head.PensionInsurance!.Enrolled);
        Assert.False(head.PensionInsurance.Subsidised);
        Assert.Equal(2017, head.PensionInsurance.Year);
        Assert.False(head.DisabilitySubsidies!.Nursing);
        Assert.True(head.DisabilitySubsidies.Living);
        Assert.Equal(("left_behind_elderly", "special", "王五"), (head.CareGroup!.Kind, head.CareGroup.Level, head.CareGroup.Helper));
        Assert.False(record.Members[1].PensionInsurance!.Enrolled);
        Assert.Null(record.Members[1].CareGroup);
        Assert.Empty(new HouseholdRecordValidator(new DateOnly(2017, 12, 31)).Validate(record).Errors);
    }

    public static TheoryData<string> EnumeratedColumns =>
    [
        "户类别", "监测对象类别", "与户主关系", "性别", "健康状况", "慢性病", "劳动能力", "务工状况", "务工地点", "在校生状况", "享受政策", "住房安全等级",
        "关爱对象类别", "关爱等级",
    ];

    private static CodeMap MapOf(string header) => header switch
    {
        "户类别" => ImportColumns.Categories,
        "监测对象类别" => ImportColumns.MonitoringTypes,
        "与户主关系" => ImportColumns.Relations,
        "性别" => ImportColumns.Sexes,
        "健康状况" => ImportColumns.Health,
        "慢性病" => ImportColumns.ChronicDiseases,
        "劳动能力" => ImportColumns.LaborCapacities,
        "务工状况" => ImportColumns.EmploymentStatuses,
        "务工地点" => ImportColumns.EmploymentPlaces,
        "在校生状况" => ImportColumns.Schooling,
        "享受政策" => ImportColumns.Assistance,
        "住房安全等级" => ImportColumns.HousingSafety,
        "关爱对象类别" => ImportColumns.CareGroupKinds,
        "关爱等级" => ImportColumns.CareLevels,
        _ => throw new ArgumentOutOfRangeException(nameof(header)),
    };

    [Theory]
    [MemberData(nameof(EnumeratedColumns))]
    public void Every_enumerated_column_accepts_the_code_and_each_chinese_label(string header)
    {
        var column = ImportColumns.Find(header)!;
        var map = MapOf(header);
        Assert.Equal(map.Codes, map.Entries.Select(e => e.Code));
        foreach (var (code, labels) in map.Entries)
        {
            foreach (var spelling in labels.Prepend(code))
            {
                var household = One(header, spelling);
                Assert.Empty(household.Problems);
                var value = At(household.Record!, column.FieldPath)!;
                var read = value is JsonArray array ? Assert.Single(array)!.GetValue<string>() : value.GetValue<string>();
                Assert.Equal(code, read);
            }
        }

        var bad = One(header, "不存在的值");
        Assert.Null(bad.Record);
        Assert.StartsWith($"row 2: {header}: ", Assert.Single(bad.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_are_split_on_the_chinese_enumeration_comma()
    {
        var household = One("慢性病", "高血压、diabetes，重性精神病");
        Assert.Equal(["hypertension", "diabetes", "severe_mental"], household.Record!.Members![0].ChronicDiseases);
        Assert.Equal([], One("享受政策", "无").Record!.Members![0].Assistance);
        Assert.Equal([], One("享受政策", "").Record!.Members![0].Assistance);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    public void Yes_no_columns_accept_chinese_and_true_false(string text, bool expected)
    {
        Assert.Equal(expected, One("严重缺水区", text).Record!.SevereWaterShortageArea);
        Assert.Equal(expected, One("是否严重缺水区", text).Record!.SevereWaterShortageArea);
        Assert.Equal(expected, One("参加城乡居民基本医疗保险", text).Record!.Members![0].MedicalInsurance);
    }

    [Fact]
    public void Excel_serial_dates_are_read_from_number_cells()
    {
        object?[] header = ["户编码", "县级代码", "户类别", "成员编号", "出生日期", "鉴定日期"];
        var households = ReadXlsx(
        [
            header,
            ["H1", "610728", "脱贫户", "m1", new RawNumber("44927"), new RawNumber("44927.75")],
            ["H1", "610728", "脱贫户", "m2", SheetFiles.Serial(new DateOnly(1985, 7, 9)), null],
            ["H1", "610728", "脱贫户", "m3", new RawNumber("59"), null],
            ["H1", "610728", "脱贫户", "m4", new RawNumber("61"), null],
            ["H1", "610728", "脱贫户", "m5", "2022/3/5", null],
            ["H1", "610728", "脱贫户", "m6", "2022年3月6日", null],
        ]);

        var record = Assert.Single(households).Record!;
        Assert.Equal(
            [new DateOnly(2023, 1, 1), new DateOnly(1985, 7, 9), new DateOnly(1900, 2, 28), new DateOnly(1900, 3, 1), new DateOnly(2022, 3, 5), new DateOnly(2022, 3, 6)],
            record.Members!.Select(m => m.BirthDate!.Value));
        Assert.Equal(new DateOnly(2023, 1, 1), record.Housing!.AppraisedOn);

        var date1904 = ReadXlsx([header, ["H1", "610728", "脱贫户", "m1", new RawNumber("0"), null]], date1904: true);
        Assert.Equal(new DateOnly(1904, 1, 1), Assert.Single(date1904).Record!.Members![0].BirthDate);

        var phantom = ReadXlsx([header, ["H1", "610728", "脱贫户", "m1", new RawNumber("60"), null]]);
        Assert.StartsWith("row 2: 出生日期: 应为 YYYY-MM-DD 格式的日期", Assert.Single(Assert.Single(phantom).Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_in_a_csv_date_column_is_not_taken_for_a_serial_date() =>
        Assert.StartsWith("row 2: 出生日期: 应为 YYYY-MM-DD 格式的日期", Assert.Single(One("出生日期", "44927").Problems).ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("0.95", 0.95)]
    [InlineData("95%", 0.95)]
    [InlineData("96.5％", 0.965)]
    [InlineData("100%", 1)]
    [InlineData("0", 0)]
    public void Supply_guarantee_rate_accepts_a_fraction_or_a_percentage(string text, double expected) =>
        Assert.Equal((decimal)expected, One("供水保证率", text).Record!.Water!.SupplyGuaranteeRate);

    [Theory]
    [InlineData("95")]
    [InlineData("120%")]
    [InlineData("九成")]
    public void Supply_guarantee_rate_outside_zero_to_one_is_a_problem(string text) =>
        Assert.Equal("row 2: 供水保证率: 应为 0 到 1 之间的小数或百分数（如 0.95 或 95%），读到“" + text + "”", Assert.Single(One("供水保证率", text).Problems).ToString());

    [Fact]
    public void A_percentage_formatted_number_cell_in_xlsx_holds_the_fraction()
    {
        var households = ReadXlsx(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "出生日期", "供水保证率", "人均日用水量（升）"],
            ["H1", 610728, "脱贫户", "m1", "1980-01-01", new RawNumber("0.95"), 40],
        ]);
        var water = Assert.Single(households).Record!.Water!;
        Assert.Equal(0.95m, water.SupplyGuaranteeRate);
        Assert.Equal(40m, water.LitresPerPersonDay);
        Assert.Equal("610728", households[0].Record!.Region!.CountyCode);
    }

    [Theory]
    [InlineData("18000", 18000)]
    [InlineData("18,000.50", 18000.50)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("-200", -200)]
    public void Money_accepts_thousands_separators(string text, double expected) =>
        Assert.Equal((decimal)expected, One("工资性收入", text).Record!.Incomes![0].Wage);

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("18000元")]
    [InlineData("1.2.3")]
    public void Malformed_money_is_a_problem(string text) =>
        Assert.StartsWith("row 2: 工资性收入: 应为金额数字", Assert.Single(One("工资性收入", text).Problems).ToString(), StringComparison.Ordinal);

    [Fact]
    public void A_bad_cell_is_reported_with_its_row_and_chinese_header_and_only_that_household_is_refused()
    {
        var households = ReadCsv(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "出生日期"],
            ["H1", "610728", "脱贫户", "m1", "1980-01-01"],
            ["H2", "610728", "脱贫户", "m1", "1980-01-01"],
            ["H2", "610728", "脱贫户", "m2", "1980-13-01"],
            ["H3", "610728", "脱贫户", "m1", "1980-01-01"],
        ]);

        Assert.Equal(3, households.Count);
        Assert.NotNull(households[0].Record);
        Assert.Null(households[1].Record);
        Assert.NotNull(households[2].Record);
        var problem = Assert.Single(households[1].Problems);
        Assert.Equal("row 4: 出生日期: 应为 YYYY-MM-DD 格式的日期（也接受 YYYY/M/D、YYYY年M月D日），读到“1980-13-01”", problem.ToString());
        Assert.Equal(new RecordProblem(4, "出生日期", problem.Reason, "row"), problem);
    }

    [Theory]
    [InlineData("出生日期")]
    [InlineData("户编码")]
    [InlineData("县级代码")]
    [InlineData("户类别")]
    [InlineData("成员编号")]
    public void A_missing_required_column_is_one_problem_on_the_header_row(string missing)
    {
        var headers = Minimal.Where(h => h != missing).ToArray();
        var households = ReadCsv([headers, [.. headers.Select(_ => "1")], [.. headers.Select(_ => "2")]]);
        var only = Assert.Single(households);
        Assert.Null(only.Record);
        Assert.Equal($"row 1: {missing}: 缺少必需的列", Assert.Single(only.Problems).ToString());
    }

    [Fact]
    public void An_empty_required_cell_is_a_problem_of_its_row()
    {
        var households = ReadCsv([Minimal, ["H1", "610728", "脱贫户", "", "1980-01-01"], ["H2", "610728", "", "m1", "1980-01-01"]]);
        Assert.Equal("row 2: 成员编号: 必需的列，不能为空", Assert.Single(households[0].Problems).ToString());
        Assert.Equal("row 3: 户类别: 必需的列，不能为空", Assert.Single(households[1].Problems).ToString());
    }

    [Fact]
    public void A_household_id_repeated_after_another_household_is_reported_on_the_later_household()
    {
        var households = ReadCsv(
        [
            Minimal,
            ["H1", "610728", "脱贫户", "m1", "1980-01-01"],
            ["H1", "610728", "脱贫户", "m2", "1981-01-01"],
            ["H2", "610728", "脱贫户", "m1", "1980-01-01"],
            ["H1", "610728", "脱贫户", "m3", "2010-01-01"],
        ]);

        Assert.Equal(3, households.Count);
        Assert.NotNull(households[0].Record);
        Assert.NotNull(households[1].Record);
        Assert.Null(households[2].Record);
        Assert.Equal("row 5: 户编码: 户编码 H1 已在第 2 行出现，同一户的成员行应连续", Assert.Single(households[2].Problems).ToString());
    }

    [Fact]
    public void Household_columns_that_disagree_between_member_rows_are_a_problem()
    {
        var headers = new[] { "户编码", "县级代码", "户类别", "成员编号", "出生日期", "工资性收入", "计算人口数" };
        var households = ReadCsv(
        [
            headers,
            ["H1", "610728", "脱贫户", "m1", "1980-01-01", "18,000", "3"],
            ["H1", "610728", "脱贫户", "m2", "1981-01-01", "", "3"],
            ["H1", "610728", "lifted", "m3", "2010-01-01", "18000.00", "3"],
            ["H2", "610728", "脱贫户", "m1", "1980-01-01", "18000", "3"],
            ["H2", "610728", "脱贫户", "m2", "1981-01-01", "19000", "3"],
        ]);

        Assert.Empty(households[0].Problems);
        Assert.Equal(18000m, households[0].Record!.Incomes![0].Wage);
        Assert.Equal(
            "row 6: 工资性收入: 与本户第 5 行的值不一致（第 5 行为“18000”，本行为“19000”）；户级信息在同一户的各成员行应相同",
            Assert.Single(households[1].Problems).ToString());
        Assert.Null(households[1].Record);
    }

    [Fact]
    public void A_csv_with_bom_crlf_and_quoted_fields_is_read()
    {
        var households = ReadCsv(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "姓名", "出生日期", "慢性病"],
            ["H1", "610728", "脱贫户", "m1", "张\"三\"", "1980-01-01", "高血压,糖尿病"],
            ["H1", "610728", "脱贫户", "m2", "李\r\n四", "1982-02-02", ""],
            ["H2", "610728", "脱贫户", "m1", "王五", "1990-03-03", ""],
        ], bom: true, newline: "\r\n");

        Assert.All(households, h => Assert.Empty(h.Problems));
        Assert.Equal(["H1", "H2"], households.Select(h => h.Record!.Id));
        Assert.Equal("张\"三\"", households[0].Record!.Members![0].Name);
        Assert.Equal("李\r\n四", households[0].Record!.Members![1].Name);
        Assert.Equal(["hypertension", "diabetes"], households[0].Record!.Members![0].ChronicDiseases);
        Assert.Equal(4, households[1].FirstRow);
    }

    [Fact]
    public void A_csv_with_a_final_line_without_newline_and_excel_text_formulas_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes("户编码,县级代码,户类别,成员编号,出生日期,证件号码\n=\"0001\",610728,脱贫户,m1,1980-01-01,=\"610728198001011233\"");
        var household = Assert.Single(TabularHouseholdReader.Read(new MemoryStream(bytes), TabularFormat.Csv));
        Assert.Equal("0001", household.Record!.Id);
        Assert.Equal("610728198001011233", household.Record.Members![0].IdNumber);
    }

    [Fact]
    public void Old_mac_line_ends_and_full_width_padding_are_accepted()
    {
        var households = ReadCsv([[.. Minimal, "姓名"], ["H1", "610728", "\u3000脱贫户 ", "m1", "1980-01-01", "\u00A0张三\u3000"]], newline: "\r");
        var record = Assert.Single(households).Record!;
        Assert.Equal("lifted", record.Category);
        Assert.Equal("张三", record.Members![0].Name);
    }

    [Fact]
    public void An_unclosed_quote_ends_the_file_with_a_problem_on_the_open_household()
    {
        var bytes = Encoding.UTF8.GetBytes("户编码,县级代码,户类别,成员编号,出生日期\nH1,610728,脱贫户,m1,1980-01-01\nH1,610728,脱贫户,\"m2,1981-01-01\n");
        var household = Assert.Single(TabularHouseholdReader.Read(new MemoryStream(bytes), TabularFormat.Csv));
        Assert.Null(household.Record);
        Assert.Equal("row 3: 文件: 引号未闭合：文件在带引号的单元格中结束；本户可能不完整", Assert.Single(household.Problems).ToString());
    }

    [Fact]
    public void A_csv_that_is_not_utf8_is_one_file_problem()
    {
        var gbk = new byte[] { 0xBB, 0xA7, 0xB1, 0xE0, 0xC2, 0xEB, 0x0A }; // 户编码 in GBK
        var only = Assert.Single(TabularHouseholdReader.Read(new MemoryStream(gbk), TabularFormat.Csv));
        Assert.Null(only.Record);
        Assert.StartsWith("row 1: 文件: 文件不是有效的 UTF-8 文本", Assert.Single(only.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_package_is_one_file_problem()
    {
        var only = Assert.Single(TabularHouseholdReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("户编码,县级代码\n")), TabularFormat.Xlsx));
        Assert.StartsWith("row 1: 文件: 不是有效的 .xlsx 文件", Assert.Single(only.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Title_rows_above_the_header_and_header_spelling_variants_are_accepted()
    {
        var households = ReadXlsx(
        [
            ["镇巴县防返贫监测对象信息表"],
            [],
            ["* 户编码", "县级代码", "户类别", "成员编号", "出生日期", "县(市、区)", "人均日用水量(升)", "身份证号"],
            ["H1", "610728", "脱贫户", "m1", "1980-01-01", "镇巴县", "35.5", "610728198001011233"],
        ], inlineStrings: true);

        var household = Assert.Single(households);
        Assert.Empty(household.Problems);
        Assert.Equal(4, household.FirstRow);
        Assert.Equal("镇巴县", household.Record!.Region!.County);
        Assert.Equal(35.5m, household.Record.Water!.LitresPerPersonDay);
        Assert.Equal("610728198001011233", household.Record.Members![0].IdNumber);
    }

    [Fact]
    public void Long_codes_stored_as_numbers_are_refused_and_the_id_number_is_never_repeated()
    {
        var households = ReadXlsx(
        [
            ["户编码", "县级代码", "户类别", "成员编号", "出生日期", "村级代码", "证件号码"],
            ["H1", "610728", "脱贫户", "m1", "1980-01-01", 610728001001L, new RawNumber("6.10728198001011E+17")],
        ]);

        var household = Assert.Single(households);
        Assert.Equal("row 2: 证件号码: 证件号码以数字格式保存，末几位已丢失；请将此列设为文本格式后重新导出", Assert.Single(household.Problems).ToString());
        Assert.DoesNotContain(household.Problems, p => p.Reason.Contains("6107281980", StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_cell_kinds_rich_text_boolean_error_and_empty_styled_cells_are_read()
    {
        const string Strings = """
            <si><t>户编码</t></si><si><t>县级代码</t></si><si><t>户类别</t></si><si><t>成员编号</t></si><si><t>出生日期</t></si>
            <si><t>严重缺水区</t></si><si><t>姓名</t></si><si><t>村</t></si><si><t>工资性收入</t></si>
            <si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>
            """;
        const string Sheet = """
            <sheetData>
              <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>
                <c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c></row>
              <row r="3"><c r="A3" t="inlineStr"><is><r><t>H</t></r><r><t>1</t></r></is></c><c r="B3"><v>610728</v></c><c r="C3" t="str"><f>"脱贫"&amp;"户"</f><v>脱贫户</v></c>
                <c r="D3" t="inlineStr"><is><t>m1</t></is></c><c r="E3" s="1"><v>29221</v></c><c r="F3" t="b"><v>1</v></c>
                <c r="G3" t="s"><v>9</v></c><c r="H3" s="2"/><c r="I3" s="1"/></row>
              <row r="4"><c r="A4" t="inlineStr"><is><t>H1</t></is></c><c r="D4" t="inlineStr"><is><t>m2</t></is></c><c r="E4"><v>29587</v></c>
                <c r="I4" t="e"><v>#N/A</v></c></row>
            </sheetData>
            """;

        var household = Assert.Single(TabularHouseholdReader.Read(SheetFiles.XlsxFromXml(Sheet, Strings), TabularFormat.Xlsx));
        Assert.Equal(3, household.FirstRow);
        Assert.Equal("row 4: 工资性收入: 单元格是错误值 #N/A（公式出错），应为有效内容", Assert.Single(household.Problems).ToString());

        var good = Assert.Single(TabularHouseholdReader.Read(SheetFiles.XlsxFromXml(Sheet.Replace("<c r=\"I4\" t=\"e\"><v>#N/A</v></c>", "", StringComparison.Ordinal), Strings), TabularFormat.Xlsx));
        var record = good.Record!;
        Assert.Equal("H1", record.Id);
        Assert.Equal("610728", record.Region!.CountyCode);
        Assert.Null(record.Region.Village);
        Assert.Equal("lifted", record.Category);
        Assert.True(record.SevereWaterShortageArea);
        Assert.Equal("张三", record.Members![0].Name);
        Assert.Equal(new DateOnly(1980, 1, 1), record.Members[0].BirthDate);
        Assert.Equal(new DateOnly(1981, 1, 1), record.Members[1].BirthDate);
        Assert.Null(record.Incomes);
    }

    [Fact]
    public void An_xlsx_from_a_forward_only_stream_is_read()
    {
        var bytes = SheetFiles.Xlsx([Minimal, ["H1", "610728", "脱贫户", "m1", "1980-01-01"]]).ToArray();
        var household = Assert.Single(TabularHouseholdReader.Read(new ForwardOnlyStream(bytes), TabularFormat.Xlsx));
        Assert.Equal("H1", household.Record!.Id);
    }

    [Fact]
    public void Validator_problems_can_be_restated_as_rows_and_headers()
    {
        var household = Assert.Single(ReadCsv(
        [
            [.. Minimal, "本年务工月数", "收入年度"],
            ["H1", "610728", "脱贫户", "m1", "1980-01-01", "10", "2021"],
            ["H1", "610728", "脱贫户", "m2", "1981-01-01", "13", "2021"],
        ]));

        var failures = new HouseholdRecordValidator(new DateOnly(2022, 6, 30)).Validate(household.Record!).Errors;
        var located = failures.Select(f => household.Locate(f.PropertyName, f.ErrorMessage).ToString()).ToList();
        Assert.Contains("row 3: 本年务工月数: 本年就业月数应在 0 到 12 之间", located);
        Assert.Contains(located, l => l.StartsWith("row 2: 收入周期起: ", StringComparison.Ordinal));
        Assert.Equal("row 3: members[1].unknown: x", household.Locate("members[1].unknown", "x").ToString());
    }

    [Fact]
    public void A_household_read_from_the_sheet_equals_the_same_household_written_as_a_record()
    {
        string[] headers =
        [
            "户编码", "省", "县（市、区）", "县级代码", "乡（镇）", "村", "村级代码", "户类别", "监测对象类别", "严重缺水区",
            "成员编号", "姓名", "证件号码", "与户主关系", "性别", "出生日期", "健康状况", "慢性病", "家庭医生签约", "残疾等级", "劳动能力",
            "务工状况", "本年务工月数", "务工地点", "在校生状况", "参加城乡居民基本医疗保险", "享受政策",
            "收入年度", "收入周期起", "收入周期止", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "计算人口数",
            "住房安全等级", "是否唯一住房", "鉴定日期", "水质达标", "人均日用水量（升）", "供水入户", "取水往返时间（分钟）", "供水保证率",
            "帮扶责任人", "结对日期",
        ];
        object?[] household = ["陕西省", "镇巴县", "610728", "泾洋街道", "东风村", "610728001001", "监测户", "边缘易致贫户", "否"];
        object?[] income = ["2021", SheetFiles.Serial(new DateOnly(2020, 10, 1)), "2021/9/30", "18,000", 6000, "200", "3,000.50", "2500", 3];
        object?[] rest = ["B级", "是", "2021-05-01", "是", 40, "否", "15", "95%", "李四", "2021-01-05"];
        object?[] head = ["m1", "张三", "610728198001011233", "户主", "男", "1980-01-01", "长期慢性病", "高血压、糖尿病", "是", null, "普通劳动力",
            "务工", 10, "省外", "非在校生", "是", "低保"];
        object?[] spouse = ["m2", "王芳", "61072819820304122X", "配偶", "女", SheetFiles.Serial(new DateOnly(1982, 3, 4)), "残疾", "", "否", "二级", "弱劳动力或半劳动力",
            "非劳动力", null, null, "非在校生", "是", "残疾人补贴、低保"];
        object?[] child = ["m3", "张小", null, "子女", "女", "2012-09-01", "健康", "无", "否", null, "无劳动力",
            null, null, null, "在校生", "是", ""];
        object?[] Row(object?[] member) => ["610728-0001", .. household, .. member, .. income, .. rest];

        var read = Assert.Single(ReadXlsx([headers, Row(head), Row(spouse), Row(child)]));
        Assert.Empty(read.Problems);

        var expected = new HouseholdRecord
        {
            Id = "610728-0001",
            Region = new RegionRecord { Province = "陕西省", County = "镇巴县", CountyCode = "610728", Town = "泾洋街道", Village = "东风村", VillageCode = "610728001001" },
            Category = "monitored",
            MonitoringType = "marginal",
            SevereWaterShortageArea = false,
            Members =
            [
                new MemberRecord
                {
                    Id = "m1", Name = "张三", IdNumber = "610728198001011233", Relation = "head", Sex = "M", BirthDate = new DateOnly(1980, 1, 1),
                    Health = "chronic", ChronicDiseases = ["hypertension", "diabetes"], FamilyDoctorContract = true, LaborCapacity = "full",
                    Employment = new EmploymentRecord { Status = "employed", MonthsThisYear = 10, Place = "out_of_province" },
                    Schooling = "not_applicable", MedicalInsurance = true, Assistance = ["dibao"],
                },
                new MemberRecord
                {
                    Id = "m2", Name = "王芳", IdNumber = "61072819820304122X", Relation = "spouse", Sex = "F", BirthDate = new DateOnly(1982, 3, 4),
                    Health = "disabled", ChronicDiseases = [], FamilyDoctorContract = false, DisabilityGrade = 2, LaborCapacity = "weak",
                    Employment = new EmploymentRecord { Status = "not_in_labor_force" },
                    Schooling = "not_applicable", MedicalInsurance = true, Assistance = ["disability_allowance", "dibao"],
                },
                new MemberRecord
                {
                    Id = "m3", Name = "张小", Relation = "child", Sex = "F", BirthDate = new DateOnly(2012, 9, 1),
                    Health = "healthy", ChronicDiseases = [], FamilyDoctorContract = false, LaborCapacity = "none",
                    Schooling = "enrolled", MedicalInsurance = true, Assistance = [],
                },
            ],
            Incomes =
            [
                new IncomeCycleRecord
                {
                    Year = 2021, From = new DateOnly(2020, 10, 1), To = new DateOnly(2021, 9, 30),
                    Wage = 18000, Production = 6000, Property = 200, Transfer = 3000.50m, ProductionCost = 2500, Size = 3,
                },
            ],
            Housing = new HousingRecord { Safety = "B", OnlyHouse = true, AppraisedOn = new DateOnly(2021, 5, 1) },
            Water = new WaterRecord { MeetsQualityStandard = true, LitresPerPersonDay = 40, PipedToHome = false, FetchRoundTripMinutes = 15, SupplyGuaranteeRate = 0.95m },
            Helper = new HelperRecord { Name = "李四", AssignedOn = new DateOnly(2021, 1, 5) },
        };

        Assert.Equal(
            JsonSerializer.Serialize(expected, RecordJsonContext.Default.HouseholdRecord),
            JsonSerializer.Serialize(read.Record, RecordJsonContext.Default.HouseholdRecord));
        Assert.Empty(new HouseholdRecordValidator(new DateOnly(2022, 6, 30)).Validate(read.Record!).Errors);
    }

    [Fact]
    public void The_mapping_document_lists_every_column()
    {
        var doc = File.ReadAllText(Path.Combine(Support.TestPaths.RepositoryRoot, "docs", "import-mapping.md"));
        Assert.All(ImportColumns.All, c =>
        {
            Assert.Contains($"| {c.Header} |", doc, StringComparison.Ordinal);
            Assert.Contains($"`{c.FieldPath}`", doc, StringComparison.Ordinal);
        });
    }

    /// <summary>A stream that can only be read forward, like a network or upload stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
