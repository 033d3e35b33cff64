using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Declaration;

/// <summary>
/// Limits of the public self-declaration pages (section <c>SelfDeclaration</c>), per client IP address: submissions and
/// status lookups each at most <c>PermitLimit</c> in a fixed window of <c>WindowMinutes</c>. Validated at start.
/// </summary>
public sealed class SelfDeclarationOptions
{
    public const string Section = "SelfDeclaration";

    /// <summary>Declarations one client address may submit per window (default 5).</summary>
    [Range(1, 10_000)]
    public int SubmitPermitLimit { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int SubmitWindowMinutes { get; set; } = 10;

    /// <summary>Status lookups one client address may make per window (default 20: receipts cannot be tried one by one).</summary>
    [Range(1, 10_000)]
    public int LookupPermitLimit { get; set; } = 20;

    [Range(1, 24 * 60)]
    public int LookupWindowMinutes { get; set; } = 10;
}
