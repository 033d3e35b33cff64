namespace Monitoring.Store.Web;

/// <summary>One reason a household is flagged: the rule and its Chinese sentence.</summary>
public sealed record ReviewReason(string RuleId, string Explanation);
