using Monitoring.Rules.Facts;
using Monitoring.Rules.Parameters;
using RulesEngine.Models;

namespace Monitoring.Rules.Expressions;

/// <summary>
/// The inputs every rule expression is compiled against, in argument order:
/// <c>h</c> household, <c>m</c> member (member-scoped rules), <c>g</c> helper group (helper-scoped rules),
/// <c>p</c> parameters, <c>fn</c> helper functions, <c>r</c> results of rules evaluated before, <c>a</c> a county and
/// department list (area-scoped rules).
/// </summary>
public static class RuleInputs
{
    public const int Household = 0;
    public const int Member = 1;
    public const int HelperGroup = 2;
    public const int Parameters = 3;
    public const int Functions = 4;
    public const int Prior = 5;
    public const int Area = 6;
    public const int Count = 7;

    public static IReadOnlyList<(string Name, Type Type)> Declared { get; } =
    [
        ("h", typeof(HouseholdFacts)),
        ("m", typeof(MemberFacts)),
        ("g", typeof(HelperGroupFacts)),
        ("p", typeof(ParameterScope)),
        ("fn", typeof(RuleFunctions)),
        ("r", typeof(PriorResults)),
        ("a", typeof(AreaFacts)),
    ];

    /// <summary>Types expressions may name or call methods on (registered with RulesEngine as custom types).</summary>
    public static Type[] CustomTypes { get; } =
    [
        typeof(HouseholdFacts), typeof(MemberFacts), typeof(IncomeCycleFacts), typeof(ExpenseFacts), typeof(EventFacts),
        typeof(HousingFacts), typeof(WaterFacts), typeof(HelperFacts), typeof(CaseFacts), typeof(CaseStepFacts),
        typeof(MeasureFacts), typeof(HelperGroupFacts), typeof(Period), typeof(ParameterScope), typeof(RuleFunctions),
        typeof(PriorResults), typeof(DateOnly), typeof(Enumerable), typeof(ExitPlanFacts), typeof(PensionFacts), typeof(DisabilitySubsidyFacts),
        typeof(CareGroupFacts), typeof(EducationTerm),
        typeof(DepartmentFacts), typeof(RosterDifference), typeof(SplitCaseFacts), typeof(WarningFacts), typeof(DuplicatePersonFacts), typeof(RosterState), typeof(AreaFacts),
    ];

    public static RuleParameter[] AsRuleParameters() => [.. Declared.Select(d => RuleParameter.Create(d.Name, d.Type))];

    public static ReSettings Settings() => new()
    {
        CustomTypes = CustomTypes,
        IsExpressionCaseSensitive = true,
        NestedRuleExecutionMode = NestedRuleExecutionMode.All,
        EnableScopedParams = false,
        // FastExpressionCompiler; each thread calls its own compiled copy (Catalog/ThreadCompiled), because a nested
        // lambda's closure lives in the compiled delegate and must not be shared between threads.
        UseFastExpressionCompiler = true,
    };
}
