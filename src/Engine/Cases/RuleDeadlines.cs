using Monitoring.Engine.Facts;
using Monitoring.Engine.Records;
using Monitoring.Rules.Calendars;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Expressions;
using Monitoring.Rules.Facts;
using Monitoring.Rules.Parameters;

namespace Monitoring.Engine.Cases;

/// <summary>
/// The deadlines and clauses of the procedure rules as the rules define them: a deadline is the rule's own value named
/// <c>deadline</c> (e.g. PROC-PLAN-OVERDUE's <c>fn.AddWorkingDays(h.Case.IncludedOn, p.Int("planWorkingDays"))</c>),
/// evaluated on the household's facts with the parameters in force on the as-of date for its county, exactly as the
/// evaluator computes it for a finding; the clause is the rule's <c>source</c>. Nothing of the arithmetic is repeated here.
/// One instance per household and as-of date.
/// </summary>
public sealed class RuleDeadlines
{
    public const string DeadlineValue = "deadline";

    private readonly RuleSet _ruleSet;
    private readonly object[] _args = new object[RuleInputs.Count];
    private readonly ParameterScope _scope;

    public RuleDeadlines(RuleSet ruleSet, HouseholdRecord household, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(household);
        _ruleSet = ruleSet;
        Facts = HouseholdFactsBuilder.Build(household, asOf);
        _scope = new ParameterScope(ruleSet.Parameters, asOf);
        _scope.BeginHousehold(household.Region?.CountyCode ?? "");
        Functions = new RuleFunctions(ruleSet.Calendar);
        _args[RuleInputs.Household] = Facts;
        _args[RuleInputs.Parameters] = _scope;
        _args[RuleInputs.Functions] = Functions;
        _args[RuleInputs.Prior] = new PriorResults();
    }

    public HouseholdFacts Facts { get; }

    public RuleFunctions Functions { get; }

    /// <summary>The rule's definition in this rule set.</summary>
    public RuleDefinition Rule(string ruleId) =>
        _ruleSet.Rules.FirstOrDefault(r => r.Id == ruleId) ?? throw new InvalidOperationException($"规则集 {_ruleSet.Profile.Id} 中没有规则 {ruleId}");

    /// <summary>The rule's clause, seed file names shortened to their number (<see cref="SourceClauses"/>).</summary>
    public string Clause(string ruleId) => SourceClauses.Shorten(Rule(ruleId).Source);

    /// <summary>A parameter the rule declares, as in force for the household on the as-of date.</summary>
    public ResolvedParameter Parameter(string ruleId, string name)
    {
        if (!Rule(ruleId).ParameterNames.Contains(name))
        {
            throw new InvalidOperationException($"规则 {ruleId} 未声明参数 {name}");
        }

        return _ruleSet.Parameters.Resolve(name, Facts.CountyCode, _scope.AsOf);
    }

    /// <summary>
    /// The rule's <c>deadline</c> value for this household (the caller checks that the facts it reads are there: a case
    /// included, an event); null with <paramref name="notCovered"/> for a year without a loaded holiday notice.
    /// </summary>
    public DateOnly? Deadline(string ruleId, out CalendarNotCoveredException? notCovered)
    {
        notCovered = null;
        var value = Rule(ruleId).AllValues().FirstOrDefault(v => v.Name == DeadlineValue)
            ?? throw new InvalidOperationException($"规则 {ruleId} 没有名为 {DeadlineValue} 的取值");
        try
        {
            return value.Compute(_args) is DateOnly date ? date : null;
        }
        catch (CalendarNotCoveredException ex)
        {
            notCovered = ex;
            return null;
        }
    }
}
