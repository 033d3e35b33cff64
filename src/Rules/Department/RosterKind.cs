namespace Monitoring.Rules.Department;

/// <summary>The line shapes of department-data.md: each list id has one.</summary>
public enum RosterKind
{
    /// <summary>mca-dibao, mca-tekun, mca-lowincome: a case with its members.</summary>
    AssistanceCase,

    /// <summary>mca-disability-subsidy: 两项补贴 lines.</summary>
    DisabilitySubsidy,

    /// <summary>nhsa-enrollment: 医保参保.</summary>
    MedicalEnrollment,

    /// <summary>moe-students: 在校.</summary>
    Students,

    /// <summary>cdpf-disabled: 持证残疾人.</summary>
    Disabled,

    /// <summary>mohurd-appraisal: 危房鉴定 (head's ID).</summary>
    HousingAppraisal,

    /// <summary>mohrss-pension: 养老保险.</summary>
    Pension,

    /// <summary>warn-&lt;dept&gt;: 筛查预警清单, every line a warning with its own date.</summary>
    Warning,
}
