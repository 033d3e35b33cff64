using Monitoring.Rules.Catalog;
using Monitoring.Rules.Cases;

namespace Monitoring.Engine.Cases;

/// <summary>
/// The one way the case commands refuse: the id (<see cref="CaseRuleIds"/>) resolved in the rule set in force — a PROC-*
/// id to the catalogue rule's clause and title, a CASE-* id to its check in rules/case-checks.yaml — so no clause or title
/// is written in C#. The loader guarantees every id resolves in a rule set loaded at start-up.
/// </summary>
public sealed class CaseRules
{
    private readonly RuleSet _ruleSet;

    public CaseRules(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
    }

    /// <summary>The rule or check <paramref name="id"/> as the rule set defines it.</summary>
    public CaseRule Get(string id)
    {
        if (_ruleSet.CaseChecks.TryGetValue(id, out var check))
        {
            return new CaseRule(check.Id, SourceClauses.Shorten(check.Source), check.TitleZh);
        }

        var rule = _ruleSet.Rules.FirstOrDefault(r => r.Id == id)
            ?? throw new InvalidOperationException($"规则集 {_ruleSet.Profile.Id} 中没有案件登记规则或检查 {id}（rules/workflows、rules/{Monitoring.Rules.Loading.RuleCatalogLoader.CaseChecksFile}）");
        return new CaseRule(rule.Id, SourceClauses.Shorten(rule.Source), rule.TitleZh);
    }

    /// <summary>The refusal "ID（clause）：reason" of a command by rule or check <paramref name="id"/>.</summary>
    public CaseRejectedException Refusal(string id, string reason) => new(Get(id), reason);
}
