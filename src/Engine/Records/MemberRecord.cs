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

    /// <summary>v1.1: 城乡居民养老保险 and its 代缴 (the record's current entry).</summary>
    public PensionInsuranceRecord? PensionInsurance { get; set; }

    /// <summary>v1.1: 残疾人两项补贴.</summary>
    public DisabilitySubsidiesRecord? DisabilitySubsidies { get; set; }

    /// <summary>v1.1: 特惠性教育资助 paid, per term.</summary>
    public List<EducationAidRecord>? EducationAid { get; set; }

    /// <summary>v1.1: 关爱对象 (001 #18).</summary>
    public CareGroupRecord? CareGroup { get; set; }
}
