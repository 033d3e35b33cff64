namespace Monitoring.Store.Leads;

/// <summary>Where a lead came from (<c>leads.source_kind</c>; labels in <c>DomainLabels.LeadSources</c>).</summary>
public static class LeadSourceKinds
{
    public const string SelfDeclaration = "self_declaration";
    public const string DepartmentWarning = "department_warning";
    public const string VillageReport = "village_report";
}
