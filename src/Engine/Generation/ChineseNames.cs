namespace Monitoring.Engine.Generation;

/// <summary>Name tables for synthetic members and helpers (common surnames, given-name characters).</summary>
internal static class ChineseNames
{
    /// <summary>100 common surnames, most frequent first (picking with a skew towards the front mimics their frequency).</summary>
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    public const string MaleGiven = "伟强军平勇杰涛明超刚磊斌鹏辉林华建国志文海波峰成兵东俊飞亮洪忠春德福贵荣祥生山全发学永宝光庆长保安顺利民新金江云龙虎中正开武松柏宏";

    public const string FemaleGiven = "芳娟敏静丽艳霞燕玲秀英桂兰梅琴云莲珍凤萍红华翠花娥慧婷雪琳洁倩颖晶璐月春丹亚莉娜薇佳欣怡雨思梦悦琼菊香兴巧玉小美蓉菲秋";

    /// <summary>Exactly 64 characters: helper names are a bijection of the helper number onto surname × 64 × 64.</summary>
    public const string HelperGiven = "伟强军平勇杰涛明超刚磊斌鹏辉林华建国志文海波峰成兵东俊飞亮洪忠春德芳娟敏静丽艳霞燕玲秀英桂兰梅琴莲珍凤萍红翠慧婷雪琳洁倩颖晶丹荣";

    /// <summary>Distinct helper names before they repeat: 100 × 64 × 64.</summary>
    public const int HelperNameSpace = 100 * 64 * 64;

    /// <summary>A surname index skewed towards the common ones.</summary>
    public static int SurnameIndex(Random rng)
    {
        var u = rng.NextDouble();
        return (int)(u * u * Surnames.Length);
    }

    /// <summary>Surname plus a one- or two-character given name for the sex.</summary>
    public static string Person(Random rng, int surnameIndex, bool male)
    {
        var given = male ? MaleGiven : FemaleGiven;
        Span<char> name = stackalloc char[3];
        name[0] = Surnames[surnameIndex];
        name[1] = given[rng.Next(given.Length)];
        if (rng.NextDouble() < 0.3)
        {
            return new string(name[..2]);
        }

        name[2] = given[rng.Next(given.Length)];
        return new string(name);
    }

    /// <summary>The name of helper number <paramref name="helperNumber"/>: distinct for numbers below <see cref="HelperNameSpace"/>.</summary>
    public static string Helper(long helperNumber, int seed)
    {
        // An affine permutation of [0, N): the multiplier is coprime with N = 2^14 · 5^2, so distinct numbers keep distinct names.
        const long Multiplier = 150_001;
        var offset = GeneratorRandom.Mix(seed, 0, 0x4E41_4D45) % HelperNameSpace;
        var n = (int)((((helperNumber % HelperNameSpace) * Multiplier) + offset) % HelperNameSpace);
        Span<char> name = stackalloc char[3];
        name[0] = Surnames[n / 4096];
        name[1] = HelperGiven[(n / 64) % 64];
        name[2] = HelperGiven[n % 64];
        return new string(name);
    }
}
