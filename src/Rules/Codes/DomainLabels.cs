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
        new("disaster", "自然灾害"),
        new("accident", "意外事故"),
        new("serious_illness", "患大病"),
        new("job_loss", "失业"),
        new("price_drop", "农产品价格下跌"),
        new("self_declared", "农户自主申报"),
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

    /// <summary>A member's relation to the head of household (members[].relation).</summary>
    public static readonly CodeFamily Relations = new("与户主关系",
        new("head", "户主", ["本人"]),
        new("spouse", "配偶"),
        new("child", "子女", ["之子", "之女", "儿子", "女儿"]),
        new("parent", "父母", ["之父", "之母", "父亲", "母亲"]),
        new("grandchild", "孙子女", ["之孙子", "之孙女", "孙子", "孙女"]),
        new("other", "其他"));

    /// <summary>Sex (members[].sex).</summary>
    public static readonly CodeFamily Sexes = new("性别", new("M", "男"), new("F", "女"));

    /// <summary>Health (members[].health).</summary>
    public static readonly CodeFamily Health = new("健康状况",
        new("healthy", "健康"),
        new("chronic", "长期慢性病"),
        new("serious", "患大病", ["患有大病"]),
        new("disabled", "残疾"));

    /// <summary>Labour capacity (members[].laborCapacity).</summary>
    public static readonly CodeFamily LaborCapacities = new("劳动能力",
        new("full", "普通劳动力"),
        new("skilled", "技能劳动力"),
        new("weak", "弱劳动力或半劳动力", ["弱劳动力", "半劳动力"]),
        new("lost", "丧失劳动力"),
        new("none", "无劳动力"));

    /// <summary>Case commands (case_log.command; the CLI's <c>case</c> verbs and the household page's forms).</summary>
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

    /// <summary>Finding severities (rules' severity).</summary>
    public static readonly CodeFamily Severities = new("发现级别",
        new("risk", "风险"),
        new("notice", "提示"),
        new("process", "程序"));

    /// <summary>Every step, inclusion then release, for labels in messages of the step-order rules.</summary>
    public static string StepZh(string? step) =>
        InclusionSteps.Contains(step) ? InclusionSteps.Zh(step) : ReleaseSteps.Zh(step);
}
