namespace Monitoring.Rules.Expressions;

/// <summary>
/// What the rules evaluated earlier for the same household found (<c>r</c> in expressions). Risk rules run
/// first, so procedure rules such as PROC-REINCLUSION can ask whether a risk rule fired.
/// </summary>
public sealed class PriorResults
{
    private readonly List<string> _riskRuleIds = [];

    public IReadOnlyList<string> RiskRuleIds => _riskRuleIds;

    public bool HasRisk => _riskRuleIds.Count > 0;

    public void Clear() => _riskRuleIds.Clear();

    public void AddRisk(string ruleId) => _riskRuleIds.Add(ruleId);
}
