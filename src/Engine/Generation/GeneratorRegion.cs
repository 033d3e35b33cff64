namespace Monitoring.Engine.Generation;

/// <summary>
/// The county a <see cref="HouseholdGenerator"/> places its households in. Households are spread over
/// <see cref="Villages"/> in blocks of consecutive indices; every fourth village of the list (positions 3, 7, …)
/// is treated as a severe water-shortage area (严重缺水区).
/// </summary>
public sealed record GeneratorRegion(
    string Province,
    string County,
    string CountyCode,
    IReadOnlyList<(string Town, string Village, string VillageCode)> Villages)
{
    /// <summary>陕西省汉中市镇巴县 (610728): the county of the 2021 responsibility list (seed 000).</summary>
    public static GeneratorRegion Zhenba { get; } = new("陕西省", "镇巴县", "610728",
    [
        ("泾洋街道", "东风村", "610728001001"),
        ("泾洋街道", "楮河村", "610728001002"),
        ("泾洋街道", "西河村", "610728001003"),
        ("渔渡镇", "渔渡坝村", "610728101001"),
        ("渔渡镇", "水田村", "610728101002"),
        ("盐场镇", "盐场村", "610728102001"),
        ("盐场镇", "瓦子村", "610728102002"),
        ("观音镇", "观音村", "610728103001"),
        ("观音镇", "大坪村", "610728103002"),
        ("兴隆镇", "兴隆场村", "610728105001"),
        ("兴隆镇", "新华村", "610728105002"),
        ("青水镇", "青水村", "610728108001"),
    ]);
}
