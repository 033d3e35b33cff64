namespace Monitoring.Engine.Cases;

/// <summary>
/// A rule a case command was refused by, as the rule set in force defines it (<see cref="CaseRules"/>): the id, the clause
/// (the rule's <c>source</c>, seed files shortened to their number) and the Chinese title. The PROC-* ids are catalogue
/// rules (rules/workflows), the CASE-* ids the checks of rules/case-checks.yaml (docs/cases.md).
/// </summary>
public sealed record CaseRule(string Id, string Clause, string TitleZh);
