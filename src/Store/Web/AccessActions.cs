namespace Monitoring.Store.Web;

/// <summary>What an access log row records.</summary>
public static class AccessActions
{
    public const string ViewHousehold = "view_household";
    public const string Explain = "explain";
    public const string Export = "export";
    public const string Decision = "decision";
    public const string CaseCommand = "case_command";
}
