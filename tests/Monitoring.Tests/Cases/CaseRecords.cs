using System.Globalization;
using Monitoring.Engine.Cases;
using Monitoring.Engine.Records;
using Monitoring.Tests.Support;
using Monitoring.Store.Importing;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;

namespace Monitoring.Tests.Cases;

/// <summary>Builds households and case commands for the case tests: the sample household, taken through the procedure step by step.</summary>
internal static class CaseRecords
{
    public const string Zhenba = "shaanxi-zhenba-2021";

    public static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    public static HouseholdRecord Sample(string id = "610728-0001", string category = "lifted")
    {
        var json = SampleHousehold.Create(id);
        json["category"] = category;
        return CanonicalRecord.Parse(SampleHousehold.Line(json));
    }

    public static CaseProcedure Procedure(string profile = Zhenba) => new(SharedCatalog.Instance.ForProfile(profile));

    public static CaseCommand Open(string date, string? type = "unstable", string trigger = "candidate") =>
        new() { Name = CaseCommand.Open, Date = D(date), MonitoringType = type, Trigger = trigger };

    public static CaseCommand Step(string step, string date, string? until = null, string? type = null) =>
        new() { Name = CaseCommand.Step, StepName = step, Date = D(date), Until = until is null ? null : D(until), MonitoringType = type };

    public static CaseCommand Release(string step, string date, string? until = null) =>
        new() { Name = CaseCommand.ReleaseStep, StepName = step, Date = D(date), Until = until is null ? null : D(until) };

    public static CaseCommand Simple(string name, string date, string? helper = null, string? kind = null) =>
        new() { Name = name, Date = D(date), HelperName = helper, MeasureKind = kind };

    /// <summary>Applies commands in order, each with its own date as "today".</summary>
    public static HouseholdRecord Run(CaseProcedure procedure, HouseholdRecord household, params CaseCommand[] commands)
    {
        foreach (var command in commands)
        {
            household = procedure.Apply(household, command, command.Date);
        }

        return household;
    }

    /// <summary>Opened on <paramref name="opened"/>, every inclusion step done, county approval on <paramref name="approved"/>.</summary>
    public static HouseholdRecord Included(string opened, string approved, string profile = Zhenba, string type = "unstable")
    {
        var o = D(opened);
        string Day(int offset) => o.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Run(Procedure(profile), Sample(),
            Open(opened, type),
            Step("warning_notice", Day(0)),
            Step("home_verification", Day(1)),
            Step("consent", Day(1)),
            Step("data_comparison", Day(2)),
            Step("village_review", Day(2)),
            Step("public_notice", Day(2), Day(6)),
            Step("town_review", Day(7)),
            Step("county_approval", approved));
    }
}
