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

    /// <summary>Labour capacity full or skilled (有劳动能力).</summary>
    public bool IsLaborer => LaborCapacity is "full" or "skilled";

    public string RelationZh => Relation switch
    {
        "head" => "户主",
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        "grandchild" => "孙子女",
        _ => "其他成员",
    };

    public bool HasDisease(string disease) => ChronicDiseases.Contains(disease);

    public bool Receives(string assistance) => Assistance.Contains(assistance);
}
