using Monitoring.Engine.Explaining;
using Monitoring.Engine.Findings;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// Evaluates the rules of one profile at one date for one household at a time. Not thread-safe: each
/// evaluating thread owns one (the compiled rules it runs are shared and immutable).
/// </summary>
public sealed class HouseholdEvaluator
{
    private const int MaxCachedDates = 64;
    private static readonly List<RuleEvaluationProblem> NoProblems = [];

    private readonly RuleSet _ruleSet;
    private readonly RuleVersions _versions;
    private readonly IReadOnlyList<RuleDefinition> _householdRules;
    private readonly IReadOnlyList<RuleDefinition> _helperRules;
    private readonly IReadOnlyList<RuleDefinition> _areaRules;
    private readonly ParameterScope _scope;
    private readonly RuleFunctions _functions;
    private readonly PriorResults _prior = new();
    private readonly object[] _args = new object[RuleInputs.Count];
    private readonly Dictionary<DateOnly, HouseholdEvaluator> _byDate = [];
    private readonly bool _riskOnly;
    private readonly HashSet<string> _hardshipRules;
    private readonly Dictionary<RuleDefinition, List<(ResolvedParameter[] Parameters, string Version)>> _versionCache = [];

    public HouseholdEvaluator(RuleSet ruleSet, DateOnly asOf, RuleVersions versions)
        : this(ruleSet, asOf, versions, riskOnly: false)
    {
    }

    private HouseholdEvaluator(RuleSet ruleSet, DateOnly asOf, RuleVersions versions, bool riskOnly)
    {
        _ruleSet = ruleSet;
        _versions = versions;
        _riskOnly = riskOnly;
        AsOf = asOf;
        var inForce = ruleSet.InForceOn(asOf).Where(r => !riskOnly || r.Severity == "risk").ToList();
        _householdRules = [.. inForce.Where(r => r.Scope is not "helperGroup" and not "area")];
        _areaRules = [.. inForce.Where(r => r.Scope == "area")];
        _helperRules = [.. inForce.Where(r => r.Scope == "helperGroup")];
        _hardshipRules = [.. _householdRules.Where(r => r.CandidateType == CandidateType.Hardship).Select(r => r.Id)];
        _scope = new ParameterScope(ruleSet.Parameters, asOf);
        _functions = new RuleFunctions(ruleSet.Calendar, RiskRulesAsOf, RiskCategoriesAsOf);
        _args[RuleInputs.Parameters] = _scope;
        _args[RuleInputs.Functions] = _functions;
        _args[RuleInputs.Prior] = _prior;
    }

    public DateOnly AsOf { get; }

    public IReadOnlyList<RuleDefinition> HouseholdRules => _householdRules;

    public IReadOnlyList<RuleDefinition> HelperRules => _helperRules;

    /// <summary>Evaluates every household- and member-scoped rule in force: risk first, so procedure rules can read what fired.</summary>
    public HouseholdOutcome Evaluate(HouseholdFacts household)
    {
        var findings = new List<Finding>(4);
        List<RuleEvaluationProblem>? problems = null;
        Begin(household);
        foreach (var rule in _householdRules)
        {
            _scope.BeginRule();
            _functions.BeginRule();
            household.Department.BeginRule();
            try
            {
                var finding = rule.Scope == "member" ? EvaluateMembers(rule, household) : EvaluateHousehold(rule, household);
                if (finding is not null)
                {
                    findings.Add(finding);
                    if (rule.Severity == "risk")
                    {
                        _prior.AddRisk(rule.Id);
                    }
                }
                else if (household.Department.NotEvaluableReason is { } notCurrent)
                {
                    // A department roster the rule compares with is not current (department-data.md): not evaluable.
                    (problems ??= []).Add(new RuleEvaluationProblem(household.Id, rule.Id, notCurrent, IsError: false));
                }
                else if (_functions.AbsentField is { } absent)
                {
                    // A format 1.1 field the rule needs is absent: not evaluable, never a finding (catalogue v2).
                    (problems ??= []).Add(new RuleEvaluationProblem(household.Id, rule.Id, NotEvaluable.FieldAbsent(absent), IsError: false));
                }
            }
            catch (Exception ex) when (ex is ParameterNotInForceException or Monitoring.Rules.Calendars.CalendarNotCoveredException)
            {
                (problems ??= []).Add(new RuleEvaluationProblem(household.Id, rule.Id, ex.Message, IsError: false));
            }
            catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                (problems ??= []).Add(new RuleEvaluationProblem(household.Id, rule.Id, $"规则求值出错：{ex.Message}", IsError: true));
            }
        }

        return new HouseholdOutcome
        {
            HouseholdId = household.Id,
            Findings = findings,
            CandidateType = Candidate(household, findings),
            Problems = problems ?? NoProblems,
        };
    }

    /// <summary>Evaluates the helper-scoped rules for one helper's households; a firing rule yields a finding for each of them.</summary>
    public List<Finding> EvaluateHelperGroup(HelperGroupFacts group, Func<IReadOnlyList<(string Id, string? Village)>> households)
    {
        var findings = new List<Finding>();
        _scope.BeginHousehold(group.CountyCode);
        _args[RuleInputs.Household] = null!;
        _args[RuleInputs.Member] = null!;
        _args[RuleInputs.HelperGroup] = group;
        foreach (var rule in _helperRules)
        {
            _scope.BeginRule();
            if (!rule.Root.Evaluate(_args))
            {
                continue;
            }

            var (values, parameters) = Describe(rule);
            var explanation = ExplanationTemplate.Fill(rule.ExplanationZh, values, parameters, null);
            var version = VersionOf(rule, parameters);
            foreach (var (householdId, village) in households())
            {
                findings.Add(Make(rule, householdId, null, values, parameters, explanation, version, village, group.CountyCode));
            }
        }

        _args[RuleInputs.HelperGroup] = null!;
        return findings;
    }

    public IReadOnlyList<RuleDefinition> AreaRules => _areaRules;

    /// <summary>Evaluates the area-scoped rules for one county and department list: area findings (no household).</summary>
    public List<Finding> EvaluateArea(AreaFacts area)
    {
        var findings = new List<Finding>();
        _scope.BeginHousehold(area.CountyCode);
        _args[RuleInputs.Household] = null!;
        _args[RuleInputs.Member] = null!;
        _args[RuleInputs.HelperGroup] = null!;
        _args[RuleInputs.Area] = area;
        foreach (var rule in _areaRules)
        {
            _scope.BeginRule();
            if (!rule.Root.Evaluate(_args))
            {
                continue;
            }

            var (values, parameters) = Describe(rule);
            findings.Add(Make(rule, "", null, values, parameters, ExplanationTemplate.Fill(rule.ExplanationZh, values, parameters, null),
                VersionOf(rule, parameters), null, area.CountyCode, new AreaReference(area.CountyCode, area.ListId)));
        }

        _args[RuleInputs.Area] = null!;
        return findings;
    }

    /// <summary>The helper-scoped findings of one household whose helper group's counts are already known (store runs).</summary>
    public List<Finding> EvaluateHelperGroupFor(HelperGroupFacts group, string householdId, string? villageCode) =>
        EvaluateHelperGroup(group, () => [(householdId, villageCode)]);

    /// <summary>An integer parameter in force on the evaluation date for a county (null when it has no value in force).</summary>
    public int? IntParameter(string name, string countyCode)
    {
        _scope.BeginHousehold(countyCode);
        _scope.BeginRule();
        try
        {
            return _scope.Int(name);
        }
        catch (ParameterNotInForceException)
        {
            return null;
        }
    }

    /// <summary>
    /// PROC-CANDIDATE-NO-CASE in its stored mode: the household had a risk finding on every nightly run since
    /// <paramref name="riskSince"/>, at least <c>candidateGraceDays</c> runs, and is neither monitored nor has a case
    /// (000 rows 26, 76). Null when the rule is not in force for this profile and date.
    /// </summary>
    public Finding? CandidateWithoutCase(string householdId, string? villageCode, string countyCode, DateOnly riskSince, IReadOnlyList<string> riskRules)
    {
        var rule = _householdRules.FirstOrDefault(r => r.Id == CandidateWithoutCaseRule);
        if (rule is null)
        {
            return null;
        }

        _scope.BeginHousehold(countyCode);
        _scope.BeginRule();
        foreach (var name in rule.ParameterNames)
        {
            _scope.Touch(name);
        }

        var grace = _scope.Int("candidateGraceDays");
        List<KeyValuePair<string, object?>> values =
        [
            new("mode", "stored"),
            new("riskSince", riskSince),
            new("riskRules", string.Join("、", riskRules)),
        ];
        List<ResolvedParameter> parameters = [.. _scope.Read];
        var explanation = $"自 {riskSince:yyyy-MM-dd} 起每次夜间运行均有风险发现（{string.Join("、", riskRules)}），已满 {grace} 次宽限仍既非监测户也未立案识别（体外循环）";
        return Make(rule, householdId, null, values, parameters, explanation, VersionOf(rule, parameters), villageCode, countyCode);
    }

    /// <summary>The rule a stored run adds in its stored mode.</summary>
    public const string CandidateWithoutCaseRule = "PROC-CANDIDATE-NO-CASE";

    /// <summary>The stored-mode rule that reads the history of gap findings.</summary>
    public const string GapNotClearedRule = "PROC-GAP-NOT-CLEARED";

    /// <summary>PROC-GAP-NOT-CLEARED when it is in force for this profile and date; null otherwise.</summary>
    public RuleDefinition? GapRule
    {
        get
        {
            if (!_gapRuleLooked)
            {
                _gapRule = _householdRules.FirstOrDefault(r => r.Id == GapNotClearedRule);
                _gapRuleLooked = true;
            }

            return _gapRule;
        }
    }

    /// <summary>A text parameter in force on the evaluation date for a county (null when it has no value in force).</summary>
    public string? TextParameter(string name, string countyCode)
    {
        _scope.BeginHousehold(countyCode);
        _scope.BeginRule();
        try
        {
            return _scope.Text(name);
        }
        catch (ParameterNotInForceException)
        {
            return null;
        }
    }

    /// <summary>
    /// PROC-GAP-NOT-CLEARED in its stored mode: each gap (rule, member) has fired on every nightly run since its first night and
    /// its clearing deadline has passed (000 row 4⑦; 001 #19). The finding names each gap's first run and night, so it can be
    /// replayed from those runs.
    /// </summary>
    public Finding? GapNotCleared(string householdId, string? villageCode, string countyCode, IReadOnlyList<(string RuleId, string Member, long FirstRunId, DateOnly FirstNight, DateOnly Deadline)> gaps)
    {
        if (GapRule is not { } rule || gaps.Count == 0)
        {
            return null;
        }

        _scope.BeginHousehold(countyCode);
        _scope.BeginRule();
        foreach (var name in rule.ParameterNames)
        {
            _scope.Touch(name);
        }

        var described = gaps.Select(g => $"{g.RuleId}{(g.Member.Length > 0 ? $"（成员 {g.Member}）" : "")}自 {g.FirstNight:yyyy-MM-dd}（批次 {g.FirstRunId}）首次发现，应于 {g.Deadline:yyyy-MM-dd} 前解决").ToList();
        List<KeyValuePair<string, object?>> values =
        [
            new("mode", "stored"),
            new("gaps", string.Join("、", gaps.Select(g => g.Member.Length > 0 ? $"{g.RuleId}:{g.Member}" : g.RuleId))),
            new("firstSeenOn", gaps.Min(g => g.FirstNight)),
            new("firstRunIds", string.Join("、", gaps.Select(g => g.FirstRunId.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            new("deadline", gaps.Min(g => g.Deadline)),
        ];
        List<ResolvedParameter> parameters = [.. _scope.Read];
        var explanation = ExplanationTemplate.Fill(rule.ExplanationZh, values, parameters, null) + "：" + string.Join("；", described);
        return Make(rule, householdId, gaps[0].Member.Length > 0 ? gaps[0].Member : null, values, parameters, explanation, VersionOf(rule, parameters), villageCode, countyCode);
    }

    private RuleDefinition? _gapRule;
    private bool _gapRuleLooked;

    /// <summary>The risk rules that fire for the household as known on <paramref name="date"/>, with the parameters in force then.</summary>
    public IReadOnlyList<string> RiskRulesAsOf(HouseholdFacts household, DateOnly date) =>
        [.. RiskFindingsAsOf(household, date).Findings.Select(f => f.RuleId)];

    /// <summary>The risk-only evaluation of the household as known on <paramref name="date"/> (evaluators cached per date).</summary>
    private (IReadOnlyList<Finding> Findings, HouseholdFacts Known) RiskFindingsAsOf(HouseholdFacts household, DateOnly date)
    {
        if (!_byDate.TryGetValue(date, out var evaluator))
        {
            if (_byDate.Count >= MaxCachedDates)
            {
                _byDate.Clear();
            }

            evaluator = new HouseholdEvaluator(_ruleSet, date, _versions, riskOnly: true);
            _byDate[date] = evaluator;
        }

        var known = household.AsKnownOn?.Invoke(date) ?? throw new InvalidOperationException("无法按历史日期重建该户数据");
        return (evaluator.Evaluate(known).Findings, known);
    }

    /// <summary>
    /// The risk categories of the household as known on <paramref name="date"/> (PROC-MEASURE-MISMATCH without <c>case.risks</c>):
    /// each risk finding's category as its rule declares it (<c>measureCategory</c>).
    /// </summary>
    public IReadOnlyList<string> RiskCategoriesAsOf(HouseholdFacts household, DateOnly date)
    {
        var (findings, known) = RiskFindingsAsOf(household, date);
        var categories = new List<string>();
        foreach (var finding in findings)
        {
            var rule = _ruleSet.Rules.First(r => r.Id == finding.RuleId);
            foreach (var category in RiskCategoryResolver.Of(rule, finding, known))
            {
                if (!categories.Contains(category))
                {
                    categories.Add(category);
                }
            }
        }

        return categories;
    }

    /// <summary>The rule version for these exact dated parameter values, cached per evaluator (the same few combinations recur).</summary>
    private string VersionOf(RuleDefinition rule, List<ResolvedParameter> parameters)
    {
        if (!_versionCache.TryGetValue(rule, out var known))
        {
            known = [];
            _versionCache[rule] = known;
        }

        foreach (var (cached, version) in known)
        {
            if (cached.Length == parameters.Count && cached.All(parameters.Contains))
            {
                return version;
            }
        }

        var computed = _versions.For(rule, parameters);
        known.Add(([.. parameters], computed));
        return computed;
    }

    private void Begin(HouseholdFacts household)
    {
        _scope.BeginHousehold(household.CountyCode);
        _prior.Clear();
        _args[RuleInputs.Household] = household;
        _args[RuleInputs.Member] = null!;
        _args[RuleInputs.HelperGroup] = null!;
    }

    private Finding? EvaluateHousehold(RuleDefinition rule, HouseholdFacts household)
    {
        if (!rule.Root.Evaluate(_args))
        {
            return null;
        }

        var (values, parameters) = Describe(rule);
        var explanation = MarkProvisional(values, ExplanationTemplate.Fill(rule.ExplanationZh, values, parameters, null));
        return Make(rule, household.Id, null, values, parameters, explanation, VersionOf(rule, parameters), household.VillageCode, household.CountyCode);
    }

    private Finding? EvaluateMembers(RuleDefinition rule, HouseholdFacts household)
    {
        MemberFacts? first = null;
        List<string>? matched = null;
        foreach (var member in household.Members)
        {
            _args[RuleInputs.Member] = member;
            if (rule.Root.Evaluate(_args))
            {
                if (first is null)
                {
                    first = member;
                }
                else
                {
                    matched ??= [first.Id];
                    matched.Add(member.Id);
                }
            }
        }

        if (first is null)
        {
            _args[RuleInputs.Member] = null!;
            return null;
        }

        _args[RuleInputs.Member] = first;
        var (values, parameters) = Describe(rule);
        if (matched is not null)
        {
            values.Add(new KeyValuePair<string, object?>("memberIds", matched));
        }

        _args[RuleInputs.Member] = null!;
        var explanation = ExplanationTemplate.Fill(rule.ExplanationZh, values, parameters, first.Id);
        if (matched is not null)
        {
            explanation += $"（共 {matched.Count} 名成员：{string.Join("、", matched)}）";
        }

        explanation = MarkProvisional(values, explanation);

        return Make(rule, household.Id, first.Id, values, parameters, explanation, VersionOf(rule, parameters), household.VillageCode, household.CountyCode);
    }

    /// <summary>
    /// When a working-day deadline the rule read was counted on a provisional calendar (a year without its State Council notice),
    /// says so in the values (<c>calendar</c>) and the sentence; the finding is recomputed when the notice is loaded (a calendar
    /// change makes the next nightly run full).
    /// </summary>
    private string MarkProvisional(List<KeyValuePair<string, object?>> values, string explanation)
    {
        if (!_functions.ProvisionalCalendarUsed)
        {
            return explanation;
        }

        values.Add(new KeyValuePair<string, object?>("calendar", Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh));
        return $"{explanation}（{Monitoring.Rules.Calendars.ProvisionalCalendar.MarkerZh}）";
    }

    /// <summary>The values of the rule and of the conditions that held, and every parameter the rule declares or read.</summary>
    private (List<KeyValuePair<string, object?>> Values, List<ResolvedParameter> Parameters) Describe(RuleDefinition rule)
    {
        foreach (var name in rule.ParameterNames)
        {
            if (!_ruleSet.Parameters.Definitions[name].IsYearIndexed)
            {
                _scope.Touch(name);
            }
        }

        var values = new List<KeyValuePair<string, object?>>();
        foreach (var value in rule.Values)
        {
            TryAdd(values, value);
        }

        Collect(rule.Root, values);
        return (values, [.. _scope.Read]);
    }

    private void Collect(RuleNode node, List<KeyValuePair<string, object?>> values)
    {
        foreach (var value in node.Values)
        {
            TryAdd(values, value);
        }

        foreach (var child in node.Children)
        {
            if (node.Operator != "Or" || child.Evaluate(_args))
            {
                Collect(child, values);
            }
        }
    }

    private void TryAdd(List<KeyValuePair<string, object?>> values, Monitoring.Rules.Catalog.ValueDefinition value)
    {
        foreach (var existing in values)
        {
            if (existing.Key == value.Name)
            {
                return;
            }
        }

        try
        {
            values.Add(new KeyValuePair<string, object?>(value.Name, value.Compute(_args)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or ArgumentException or IndexOutOfRangeException or DivideByZeroException)
        {
            // A value that does not apply to the branch that fired is left out.
        }
    }

    private Finding Make(RuleDefinition rule, string householdId, string? memberId, IReadOnlyList<KeyValuePair<string, object?>> values,
        IReadOnlyList<ResolvedParameter> parameters, string explanation, string version, string? villageCode, string? countyCode, AreaReference? area = null) => new()
    {
        HouseholdId = householdId,
        Area = area,
        RuleId = rule.Id,
        MemberId = memberId,
        Severity = rule.Severity,
        AsOf = AsOf,
        RuleVersion = version,
        Profile = _ruleSet.Profile.Id,
        Values = values,
        Parameters = parameters,
        Explanation = explanation,
        Source = rule.Source,
        TitleZh = rule.TitleZh,
        Category = rule.Category,
        VillageCode = string.IsNullOrEmpty(villageCode) ? null : villageCode,
        CountyCode = string.IsNullOrEmpty(countyCode) ? null : countyCode,
    };

    private string? Candidate(HouseholdFacts household, List<Finding> findings)
    {
        if (_riskOnly || !_prior.HasRisk)
        {
            return null;
        }

        var alreadyMonitored = household.IsMonitored || household.Case is { Included: true, Released: false };
        if (alreadyMonitored)
        {
            return null;
        }

        if (household.IsLifted)
        {
            return CandidateType.Unstable;
        }

        return findings.Any(f => _hardshipRules.Contains(f.RuleId)) ? CandidateType.Hardship : CandidateType.Marginal;
    }
}
