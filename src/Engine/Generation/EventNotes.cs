namespace Monitoring.Engine.Generation;

/// <summary>Plausible notes for generated events, by event kind.</summary>
internal static class EventNotes
{
    private static readonly string[] Disaster = ["暴雨损毁房屋", "山体滑坡冲毁耕地", "冰雹致农作物绝收", "洪水冲毁圈舍", "持续干旱致茶园减产"];
    private static readonly string[] Accident = ["外出务工受伤", "交通事故致伤", "农机作业受伤", "上山采药摔伤"];
    private static readonly string[] SeriousIllness = ["确诊恶性肿瘤住院治疗", "患尿毒症需长期透析", "突发脑溢血住院", "确诊白血病"];
    private static readonly string[] JobLoss = ["务工企业停产返乡", "务工合同到期未续签", "工地停工失去收入"];
    private static readonly string[] PriceDrop = ["生猪价格下跌", "茶叶收购价下降", "魔芋滞销", "中药材价格下跌"];
    private static readonly string[] SelfDeclared = ["农户通过热线申报困难", "农户向村委会申报收入下降", "农户通过小程序自主申报"];
    private static readonly string[] DepartmentWarning = ["医保部门预警大额医疗支出", "民政部门预警", "教育部门预警辍学风险", "住建部门预警住房安全", "人社部门预警失业"];

    /// <summary>The kinds that EVT-SUDDEN reads.</summary>
    public static readonly string[] SuddenKinds = ["disaster", "disaster", "disaster", "serious_illness", "serious_illness", "accident", "accident", "job_loss", "job_loss", "disaster"];

    public static string For(Random rng, string kind) => rng.Pick(kind switch
    {
        "disaster" => Disaster,
        "accident" => Accident,
        "serious_illness" => SeriousIllness,
        "job_loss" => JobLoss,
        "price_drop" => PriceDrop,
        "self_declared" => SelfDeclared,
        _ => DepartmentWarning,
    });
}
