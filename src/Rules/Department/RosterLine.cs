namespace Monitoring.Rules.Department;

/// <summary>
/// One line of a department delivery (department-data.md), every list's fields in one shape: a list fills the fields of
/// its kind. Resident IDs are kept trimmed and upper-cased (the matching key); they are sensitive (masked in every output).
/// </summary>
public sealed class RosterLine
{
    /// <summary>Assistance cases (mca-dibao, mca-tekun, mca-lowincome): the case number.</summary>
    public string? CaseNo { get; set; }

    /// <summary>Assistance cases: the resident IDs of the case's members.</summary>
    public List<string>? Members { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Every other list: the person's resident ID (mohurd-appraisal: the head's).</summary>
    public string? IdNumber { get; set; }

    /// <summary>mca-disability-subsidy: living | nursing; warn-*: the event kind.</summary>
    public string? Kind { get; set; }

    public int? Year { get; set; }

    public bool? Enrolled { get; set; }

    public bool? Subsidised { get; set; }

    /// <summary>moe-students: <c>YYYY-spring</c> | <c>YYYY-autumn</c>.</summary>
    public string? Term { get; set; }

    /// <summary>moe-students: enrolled | home_teaching | exempt_health | dropped_out.</summary>
    public string? Status { get; set; }

    public int? Grade { get; set; }

    public DateOnly? CertifiedOn { get; set; }

    public DateOnly? CancelledOn { get; set; }

    /// <summary>mohurd-appraisal: A | B | C | D.</summary>
    public string? Safety { get; set; }

    public DateOnly? AppraisedOn { get; set; }

    /// <summary>warn-*: the warning's date.</summary>
    public DateOnly? Date { get; set; }

    public string? Note { get; set; }

    /// <summary>The resident IDs the line names (a case's members, or its one person).</summary>
    public IEnumerable<string> People() => Members is { } members ? members : IdNumber is { } id ? [id] : [];
}
