namespace Monitoring.Rules.Codes;

/// <summary>
/// The one table of Chinese labels of the interchange format's enumerated codes (household-format.md) and of the case
/// procedure. Writers, validators, importers, case messages and the generator read their labels from here; the codes
/// (JSON values) never change.
/// </summary>
public static class DomainLabels
{
    public static readonly DomainCode WarningNotice = new("warning_notice", "发放风险预警告知书", ["风险预警告知书", "告知书"]);
    public static readonly DomainCode HomeVerification = new("home_verification", "入户核查");
    public static readonly DomainCode Consent = new("consent", "承诺授权");
    public static readonly DomainCode DataComparison = new("data_comparison", "信息比对");
    public static readonly DomainCode VillageReview = new("village_review", "村级民主评议", ["民主评议"]);
    public static readonly DomainCode PublicNotice = new("public_notice", "村内公示");
    public static readonly DomainCode TownReview = new("town_review", "镇（办）审核", ["镇审核", "乡镇审核"]);
    public static readonly DomainCode CountyApproval = new("county_approval", "县级审定公告", ["县级审定"]);
    public static readonly DomainCode Rejected = new("rejected", "不予纳入");
    public static readonly DomainCode VillageNotice = new("village_notice", "村公示", ["村级公示"]);
    public static readonly DomainCode TownRecheck = new("town_recheck", "镇复核", ["乡镇复核"]);
    public static readonly DomainCode DepartmentReview = new("department_review", "部门审定");
    public static readonly DomainCode CountyAnnouncement = new("county_announcement", "县级公告", ["县级公告解除"]);

    /// <summary>Inclusion steps (case.inclusion[].step), in the national order, with 不予纳入 last.</summary>
    public static readonly CodeFamily InclusionSteps = new("纳入程序步骤",
        WarningNotice, HomeVerification, Consent, DataComparison, VillageReview, PublicNotice, TownReview, CountyApproval, Rejected);

    /// <summary>Release steps (case.release.steps[].step), in the national order.</summary>
    public static readonly CodeFamily ReleaseSteps = new("风险消除步骤", VillageNotice, TownRecheck, DepartmentReview, CountyAnnouncement);

    /// <summary>Measure kinds (case.measures[].kind).</summary>
    public static readonly CodeFamily MeasureKinds = new("帮扶措施类别",
        new("industry", "产业帮扶", ["产业"]),
        new("employment", "就业帮扶", ["就业"]),
        new("public_welfare_job", "公益岗位", ["公益性岗位"]),
        new("education", "教育帮扶", ["教育"]),
        new("medical", "医疗帮扶", ["医疗"]),
        new("housing", "住房保障", ["住房"]),
        new("water", "饮水保障", ["饮水"]),
        new("assistance", "兜底保障", ["兜底"]),
        new("insurance", "保险帮扶", ["保险"]),
        new("other", "其他帮扶", ["其他"]));

    /// <summary>Household categories (category).</summary>
    public static readonly CodeFamily Categories = new("户类别",
        new("lifted", "脱贫户"),
        new("monitored", "监测户", ["监测对象"]),
        new("ordinary", "一般农户", ["一般户"]));

    /// <summary>Monitoring types (monitoringType, case.proposedType).</summary>
    public static readonly CodeFamily MonitoringTypes = new("监测对象类型",
        new("unstable", "脱贫不稳定户"),
        new("marginal", "边缘易致贫户"),
        new("hardship", "突发严重困难户"));

    /// <summary>What opened a case (case.trigger).</summary>
    public static readonly CodeFamily Triggers = new("立案来源",
        new("candidate", "监测预警候选户", ["候选户"]),
        new("self_declared", "农户自主申报", ["自主申报"]),
        new("department_warning", "部门预警"));

    /// <summary>Event kinds (events[].kind).</summary>
    public static readonly CodeFamily EventKinds = new("事件类别",
        new("disaster", "自然灾害", ["灾害"]),
        new("accident", "意外事故", ["事故"]),
        new("serious_illness", "患大病", ["大病", "重病"]),
        new("job_loss", "失业", ["失去工作"]),
        new("price_drop", "农产品价格下跌", ["价格下跌"]),
        new("self_declared", "农户自主申报", ["自主申报"]),
        new("department_warning", "部门预警"));

    /// <summary>Risk categories (case.risks[].kind; the category a risk rule's finding gives, catalogue v2).</summary>
    public static readonly CodeFamily RiskCategories = new("风险类别",
        new("illness", "疾病"),
        new("disability", "残疾"),
        new("education", "教育"),
        new("disaster", "自然灾害"),
        new("accident", "意外事故"),
        new("industry", "产业"),
        new("employment", "就业"),
        new("housing", "住房"),
        new("water", "饮水"),
        new("basic_living", "基本生活"),
        new("other", "其他"));

    /// <summary>Finding severities (rules' severity).</summary>
    public static readonly CodeFamily Severities = new("发现级别",
        new("risk", "风险"),
        new("notice", "提示"),
        new("process", "程序"));

    /// <summary>Relations to the head of household (members[].relation).</summary>
    public static readonly CodeFamily Relations = new("与户主关系",
        new("head", "户主", ["本人"]),
        new("spouse", "配偶"),
        new("child", "子女", ["之子", "之女", "儿子", "女儿"]),
        new("parent", "父母", ["之父", "之母", "父亲", "母亲"]),
        new("grandchild", "孙子女", ["之孙子", "之孙女", "孙子", "孙女"]),
        new("other", "其他成员", ["其他"]));

    /// <summary>Sexes (members[].sex).</summary>
    public static readonly CodeFamily Sexes = new("性别", new("M", "男"), new("F", "女"));

    /// <summary>Health (members[].health).</summary>
    public static readonly CodeFamily Health = new("健康状况",
        new("healthy", "健康"),
        new("chronic", "长期慢性病"),
        new("serious", "患大病", ["患有大病"]),
        new("disabled", "残疾"));

    /// <summary>Chronic diseases (members[].chronicDiseases).</summary>
    public static readonly CodeFamily ChronicDiseases = new("慢性病种类",
        new("hypertension", "高血压"),
        new("diabetes", "糖尿病"),
        new("severe_mental", "重性精神病", ["严重精神障碍"]),
        new("tuberculosis", "肺结核"),
        new("other", "其他"));

    /// <summary>Labour capacity (members[].laborCapacity).</summary>
    public static readonly CodeFamily LaborCapacities = new("劳动技能",
        new("full", "普通劳动力"),
        new("skilled", "技能劳动力"),
        new("weak", "弱劳动力或半劳动力", ["弱劳动力", "半劳动力"]),
        new("lost", "丧失劳动力"),
        new("none", "无劳动力"));

    /// <summary>Employment status (members[].employment.status).</summary>
    public static readonly CodeFamily EmploymentStatuses = new("务工状态",
        new("employed", "务工"),
        new("unemployed", "失业"),
        new("not_in_labor_force", "非劳动力"));

    /// <summary>Place of employment (members[].employment.place).</summary>
    public static readonly CodeFamily EmploymentPlaces = new("务工地点",
        new("in_county", "县内"),
        new("in_province", "省内县外", ["县外省内"]),
        new("out_of_province", "省外"));

    /// <summary>Schooling (members[].schooling).</summary>
    public static readonly CodeFamily Schooling = new("在校生状况",
        new("enrolled", "在校生", ["在校", "在读"]),
        new("home_teaching", "送教上门"),
        new("exempt_health", "身体原因不具备学习条件", ["因病免学"]),
        new("not_enrolled", "失学辍学"),
        new("not_applicable", "非在校生"));

    /// <summary>Assistance received (members[].assistance).</summary>
    public static readonly CodeFamily Assistance = new("享受政策",
        new("dibao", "低保"),
        new("tekun", "特困", ["特困供养"]),
        new("disability_allowance", "残疾人补贴"),
        new("pension", "养老金"));

    /// <summary>Housing safety appraisal (housing.safety).</summary>
    public static readonly CodeFamily HousingSafety = new("住房安全等级",
        new("A", "A级"),
        new("B", "B级"),
        new("C", "C级"),
        new("D", "D级"),
        new("suspected", "疑似危房"),
        new("unknown", "未鉴定"));

    /// <summary>Kinds of 关爱对象 (members[].careGroup.kind, format 1.1).</summary>
    public static readonly CodeFamily CareGroupKinds = new("关爱对象类别",
        new("dispersed_tekun", "分散供养特困人员"),
        new("disabled_unsupported", "无人照料的残疾人", ["残疾人"]),
        new("orphan", "孤儿"),
        new("unsupported_child", "事实无人抚养儿童"),
        new("left_behind_elderly", "留守老年人", ["留守老人"]),
        new("left_behind_child", "留守儿童"),
        new("left_behind_woman", "留守妇女"),
        new("other", "其他关爱对象", ["其他"]));

    /// <summary>Care levels (members[].careGroup.level, format 1.1).</summary>
    public static readonly CodeFamily CareLevels = new("关爱等级",
        new("general", "一般"),
        new("special", "特别困难", ["特殊困难"]));

    /// <summary>Where a case stands (the names of <c>CaseState</c>, derived from the record's case section).</summary>
    public static readonly CodeFamily CaseStates = new("案件状态",
        new("None", "未立案"),
        new("Identifying", "识别中"),
        new("Rejected", "不予纳入"),
        new("Included", "监测帮扶中"),
        new("Releasing", "风险消除程序中"),
        new("Released", "已解除（风险消除）"));

    /// <summary>Case commands (case_log.command).</summary>
    public static readonly CodeFamily CaseCommands = new("案件命令",
        new("open", "立案"),
        new("step", "识别步骤"),
        new("helper", "明确帮扶责任人"),
        new("plan", "制定帮扶计划"),
        new("measure", "落实帮扶措施"),
        new("visit", "入户走访"),
        new("release-step", "风险消除步骤"),
        new("revisit", "消除后回访"),
        new("correct", "更正"),
        new("void", "作废"));

    /// <summary>Every family, for the label checks.</summary>
    public static IReadOnlyList<CodeFamily> All { get; } =
    [
        InclusionSteps, ReleaseSteps, MeasureKinds, Categories, MonitoringTypes, Triggers, EventKinds, RiskCategories, Severities,
        Relations, Sexes, Health, ChronicDiseases, LaborCapacities, EmploymentStatuses, EmploymentPlaces, Schooling, Assistance,
        HousingSafety, CareGroupKinds, CareLevels, CaseStates, CaseCommands,
    ];

    /// <summary>Every step, inclusion then release, for labels in messages of the step-order rules.</summary>
    public static string StepZh(string? step) =>
        InclusionSteps.Contains(step) ? InclusionSteps.Zh(step) : ReleaseSteps.Zh(step);
}
