namespace Monitoring.Engine.Records;

public sealed class MemberRecord
{
    public string? Id { get; set; }

    /// <summary>18-character resident ID (GB 11643). Sensitive: masked in every output.</summary>
    public string? IdNumber { get; set; }

    public string? Name { get; set; }

    public string? Relation { get; set; }

    public string? Sex { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Health { get; set; }

    public List<string>? ChronicDiseases { get; set; }

    public bool? FamilyDoctorContract { get; set; }

    public int? DisabilityGrade { get; set; }

    public string? LaborCapacity { get; set; }

    public EmploymentRecord? Employment { get; set; }

    public string? Schooling { get; set; }

    public bool? MedicalInsurance { get; set; }

    public List<string>? Assistance { get; set; }
}
