namespace Monitoring.Store.Leads;

/// <summary>A self-declaration or village report with bad fields: each field's Chinese message (the page shows them by
/// their fields; the API and CLI list them).</summary>
public sealed class DeclarationInvalidException(IReadOnlyDictionary<string, string> problems)
    : ArgumentException(string.Join("；", problems.Select(p => p.Value)))
{
    public IReadOnlyDictionary<string, string> Problems { get; } = problems;
}
