namespace Monitoring.Rules.Facts;

/// <summary>A household member as the rules see it (<c>m</c> in member-scoped rules), with age at the evaluation date.</summary>
public sealed class MemberFacts
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Relation { get; init; } = "";

    public DateOnly BirthDate { get; init; }

    /// <summary>Full years of age at the evaluation date.</summary>
    public int Age { get; init; }

    public string Health { get; init; } = "healthy";

    public IReadOnlyList<string> ChronicDiseases { get; init; } = [];

    public bool FamilyDoctorContract { get; init; }

    public int? DisabilityGrade { get; init; }

    public string LaborCapacity { get; init; } = "none";

    public string EmploymentStatus { get; init; } = "not_in_labor_force";

    public int EmploymentMonthsThisYear { get; init; }

    public string Schooling { get; init; } = "not_applicable";

    public bool MedicalInsurance { get; init; }

    public IReadOnlyList<string> Assistance { get; init; } = [];

    /// <summary>Format 1.1 <c>pensionInsurance</c>; null when the record has none (the rules needing it report "not evaluable").</summary>
    public PensionFacts? Pension { get; init; }

    /// <summary>Format 1.1 <c>disabilitySubsidies</c>; null when absent.</summary>
    public DisabilitySubsidyFacts? DisabilitySubsidies { get; init; }

    /// <summary>Format 1.1 <c>educationAid</c>: the terms aid was paid for; null when the record has no such field.</summary>
    public IReadOnlyList<string>? EducationAidTerms { get; init; }

    /// <summary>Format 1.1 <c>careGroup</c>; null when the member is not a 关爱对象.</summary>
    public CareGroupFacts? CareGroup { get; init; }

    /// <summary>Disability grade 1 or 2 (重度残疾, GB/T 26341: a reading).</summary>
    public bool IsSeverelyDisabled => DisabilityGrade is 1 or 2;

    /// <summary>
    /// Receives a nursing subsidy (重度残疾人护理补贴): the 1.1 <c>disabilitySubsidies.nursing</c> when recorded,
    /// otherwise <c>disability_allowance</c> in <c>assistance</c> counts as one.
    /// </summary>
    public bool ReceivesNursingSubsidy => DisabilitySubsidies is { } subsidies ? subsidies.Nursing : Receives("disability_allowance");

    /// <summary>Labour capacity full or skilled (有劳动能力).</summary>
    public bool IsLaborer => LaborCapacity is "full" or "skilled";

    /// <summary>The relation's label (<see cref="Codes.DomainLabels.Relations"/>); an unknown relation reads as 其他成员.</summary>
    public string RelationZh => Codes.DomainLabels.Relations.Zh(Codes.DomainLabels.Relations.Contains(Relation) ? Relation : "other");

    public bool HasDisease(string disease) => ChronicDiseases.Contains(disease);

    public bool Receives(string assistance) => Assistance.Contains(assistance);
}
