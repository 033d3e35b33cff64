using Monitoring.Engine.Records;
using Monitoring.Engine.Validation;

namespace Monitoring.Engine.Generation;

/// <summary>Builds the members of one household: composition, ages, names, IDs, health, labour, schooling.</summary>
internal static class MemberFactory
{
    private static readonly string[] MemberIds = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"];
    private static readonly string[] Places = ["out_of_province", "out_of_province", "out_of_province", "in_province", "in_province", "in_county", "in_county"];
    private static readonly string[] LocalPlaces = ["in_county", "in_county", "in_county", "in_province"];

    private const string Head = "head";

    /// <summary>The id of the member at <paramref name="index"/> (0-based): m1, m2, ….</summary>
    public static string MemberId(int index) => MemberIds[index];

    private const string Spouse = "spouse";
    private const string Child = "child";
    private const string Parent = "parent";
    private const string Grandchild = "grandchild";

    /// <summary>
    /// Builds 1–6 members. <paramref name="employmentShock"/> makes every laborer unemployed or only briefly employed
    /// (a household without stable work); <paramref name="allowUninsured"/> false keeps everyone insured.
    /// </summary>
    public static MemberRoster Build(Random rng, DateOnly asOf, string countyCode, bool employmentShock, bool allowUninsured)
    {
        var size = PickSize(rng);
        var roster = new MemberRoster(size);
        Span<int> ages = stackalloc int[size];
        Span<bool> male = stackalloc bool[size];
        var relations = new string[size];
        Compose(rng, size, ages, male, relations);

        var familySurname = ChineseNames.SurnameIndex(rng);
        var headMale = male[0];
        var uninsured = allowUninsured && rng.Chance(0.02) ? rng.Next(size) : -1;
        for (var i = 0; i < size; i++)
        {
            // Children and grandchildren take the family surname; spouses and mothers their own.
            var relation = relations[i];
            var ownSurname = relation switch
            {
                Head => headMale || rng.Chance(0.5) ? familySurname : ChineseNames.SurnameIndex(rng),
                Child or Grandchild => familySurname,
                Parent when male[i] => familySurname,
                _ => ChineseNames.SurnameIndex(rng),
            };
            var member = Member(rng, asOf, countyCode, i, relation, ages[i], male[i], ownSurname, roster, employmentShock);
            member.MedicalInsurance = i != uninsured;
            roster.Members.Add(member);
            roster.Ages[i] = ages[i];
        }

        return roster;
    }

    private static int PickSize(Random rng)
    {
        var u = rng.NextDouble();
        return u < 0.08 ? 1 : u < 0.25 ? 2 : u < 0.47 ? 3 : u < 0.72 ? 4 : u < 0.90 ? 5 : 6;
    }

    private static void Compose(Random rng, int size, Span<int> ages, Span<bool> male, string[] relations)
    {
        if (size == 1)
        {
            ages[0] = rng.Chance(0.7) ? rng.Between(62, 92) : rng.Between(32, 64);
            male[0] = rng.Chance(0.6);
            relations[0] = Head;
            return;
        }

        var spouse = rng.Chance(0.85);
        var rest = size - 1 - (spouse ? 1 : 0);
        var parents = rest > 0 && rng.Chance(0.35) ? Math.Min(rest, rng.Between(1, 2)) : 0;
        rest -= parents;
        var headAge = parents > 0 ? rng.Between(28, 58) : rest > 0 ? rng.Between(26, 72) : rng.Between(30, 84);
        var grandchildren = headAge >= 50 && rest >= 2 && rng.Chance(0.6) ? rng.Between(1, rest - 1) : 0;
        var children = rest - grandchildren;

        var k = 0;
        ages[k] = headAge;
        male[k] = rng.Chance(0.88);
        relations[k++] = Head;
        if (spouse)
        {
            ages[k] = Math.Clamp(headAge + rng.Between(-6, 4), 18, 99);
            male[k] = !male[0];
            relations[k++] = Spouse;
        }

        for (var p = 0; p < parents; p++)
        {
            ages[k] = p == 0 ? Math.Min(99, headAge + rng.Between(20, 34)) : Math.Clamp(ages[k - 1] + rng.Between(-5, 2), headAge + 18, 99);
            male[k] = parents == 2 ? p == 0 : rng.Chance(0.4);
            relations[k++] = Parent;
        }

        var firstChildAge = 0;
        for (var c = 0; c < children; c++)
        {
            int age;
            if (c == 0 && grandchildren > 0)
            {
                age = rng.Between(21, Math.Max(21, headAge - 20));
            }
            else
            {
                age = headAge - rng.Between(20, 36);
                if (age < 0)
                {
                    age = rng.Between(0, Math.Max(0, headAge - 20));
                }
            }

            if (c == 0)
            {
                firstChildAge = age;
            }

            ages[k] = age;
            male[k] = rng.Chance(0.52);
            relations[k++] = Child;
        }

        for (var g = 0; g < grandchildren; g++)
        {
            ages[k] = rng.Between(0, Math.Clamp(firstChildAge - 20, 0, 15));
            male[k] = rng.Chance(0.52);
            relations[k++] = Grandchild;
        }
    }

    private static MemberRecord Member(Random rng, DateOnly asOf, string countyCode, int index, string relation, int age, bool male,
        int surname, MemberRoster roster, bool employmentShock)
    {
        // Exactly `age` full years at as-of: born in the year up to as-of minus `age` years.
        var birth = asOf.AddYears(-age).AddDays(-rng.Next(365));
        var member = new MemberRecord
        {
            Id = MemberId(index),
            IdNumber = IdNumber(rng, countyCode, birth, male),
            Name = ChineseNames.Person(rng, surname, male),
            Relation = relation,
            Sex = male ? "M" : "F",
            BirthDate = birth,
            ChronicDiseases = [],
            Assistance = [],
        };

        Health(rng, member, age, roster, index);
        Schooling(rng, member, age, roster, index);
        Labor(rng, member, age, roster, employmentShock);
        return member;
    }

    private static void Health(Random rng, MemberRecord member, int age, MemberRoster roster, int index)
    {
        var u = rng.NextDouble();
        var (chronic, serious, disabled) = age >= 60 ? (0.35, 0.05, 0.06) : age >= 18 ? (0.08, 0.02, 0.03) : (0.0, 0.008, 0.02);
        string health;
        if (u < disabled)
        {
            health = "disabled";
            var g = rng.NextDouble();
            member.DisabilityGrade = g < 0.15 ? 1 : g < 0.40 ? 2 : g < 0.70 ? 3 : 4;
            roster.AnyDisabled = true;
        }
        else if (u < disabled + serious)
        {
            health = "serious";
            roster.SeriousMember = index;
        }
        else if (u < disabled + serious + chronic)
        {
            health = "chronic";
            roster.ChronicMember = index;
            AddDisease(rng, member.ChronicDiseases!);
            if (rng.Chance(0.25))
            {
                AddDisease(rng, member.ChronicDiseases!);
            }
        }
        else
        {
            health = "healthy";
        }

        member.Health = health;
        var listed = false;
        foreach (var disease in member.ChronicDiseases!)
        {
            listed |= disease != "other";
        }

        member.FamilyDoctorContract = listed ? rng.Chance(0.88) : rng.Chance(age >= 60 ? 0.6 : 0.25);
    }

    private static void AddDisease(Random rng, List<string> diseases)
    {
        var u = rng.NextDouble();
        var disease = u < 0.5 ? "hypertension" : u < 0.72 ? "diabetes" : u < 0.94 ? "other" : u < 0.98 ? "severe_mental" : "tuberculosis";
        if (!diseases.Contains(disease))
        {
            diseases.Add(disease);
        }
    }

    private static void Schooling(Random rng, MemberRecord member, int age, MemberRoster roster, int index)
    {
        string schooling;
        if (age is < 3 or > 18)
        {
            schooling = "not_applicable";
        }
        else if (age < 6)
        {
            schooling = rng.Chance(0.85) ? "enrolled" : "not_enrolled";
        }
        else if (age <= 15)
        {
            var u = rng.NextDouble();
            if (member.DisabilityGrade is 1 or 2)
            {
                schooling = u < 0.5 ? "home_teaching" : u < 0.8 ? "exempt_health" : "enrolled";
            }
            else
            {
                schooling = u < 0.008 ? "not_enrolled" : u < 0.011 ? "home_teaching" : u < 0.013 ? "exempt_health" : "enrolled";
            }
        }
        else
        {
            schooling = rng.Chance(0.72) ? "enrolled" : "not_enrolled";
        }

        if (schooling == "enrolled" && age >= 15)
        {
            roster.SeniorStudent = index;
        }

        member.Schooling = schooling;
    }

    private static void Labor(Random rng, MemberRecord member, int age, MemberRoster roster, bool employmentShock)
    {
        var health = member.Health;
        string capacity;
        if (age < 16 || member.Schooling == "enrolled")
        {
            capacity = "none";
        }
        else if (health == "disabled")
        {
            capacity = member.DisabilityGrade <= 2 ? "lost" : "weak";
        }
        else if (health == "serious")
        {
            capacity = rng.Chance(0.5) ? "lost" : "weak";
        }
        else if (age >= 65)
        {
            capacity = rng.Chance(health == "chronic" ? 0.2 : 0.35) ? "weak" : "none";
        }
        else if (age >= 60)
        {
            var u = rng.NextDouble();
            capacity = health == "chronic" ? (u < 0.7 ? "weak" : "none") : u < 0.3 ? "full" : u < 0.8 ? "weak" : "none";
        }
        else if (health == "chronic")
        {
            capacity = rng.Chance(0.4) ? "weak" : "full";
        }
        else
        {
            var u = rng.NextDouble();
            capacity = u < 0.78 ? "full" : u < 0.95 ? "skilled" : "weak";
        }

        member.LaborCapacity = capacity;
        if (capacity == "lost")
        {
            roster.AnyLost = true;
        }

        if (age < 16 || member.Schooling == "enrolled")
        {
            return;
        }

        EmploymentRecord employment;
        if (capacity is "full" or "skilled")
        {
            roster.Laborers++;
            var u = rng.NextDouble();
            if (employmentShock)
            {
                employment = u < 0.5
                    ? new EmploymentRecord { Status = "employed", MonthsThisYear = rng.Between(1, 5), Place = rng.Pick(LocalPlaces) }
                    : new EmploymentRecord { Status = "unemployed", MonthsThisYear = rng.Between(0, 3) };
            }
            else if (u < 0.94)
            {
                employment = new EmploymentRecord
                {
                    Status = "employed",
                    MonthsThisYear = rng.Chance(0.95) ? rng.Between(6, 12) : rng.Between(2, 5),
                    Place = rng.Pick(Places),
                };
            }
            else if (u < 0.98)
            {
                employment = new EmploymentRecord { Status = "unemployed", MonthsThisYear = rng.Between(0, 4) };
            }
            else
            {
                employment = new EmploymentRecord { Status = "not_in_labor_force", MonthsThisYear = 0 };
            }
        }
        else if (capacity == "weak" && age < 65 && rng.Chance(employmentShock ? 0.15 : 0.35))
        {
            employment = new EmploymentRecord { Status = "employed", MonthsThisYear = rng.Between(2, employmentShock ? 5 : 10), Place = rng.Pick(LocalPlaces) };
        }
        else
        {
            employment = new EmploymentRecord { Status = "not_in_labor_force", MonthsThisYear = 0 };
        }

        roster.AnyEmployed |= employment.Status == "employed";
        member.Employment = employment;
    }

    /// <summary>An 18-character resident ID: county code, birth date, sequence (odd for men), GB 11643 check digit.</summary>
    private static string IdNumber(Random rng, string countyCode, DateOnly birth, bool male)
    {
        Span<char> id = stackalloc char[18];
        countyCode.AsSpan().CopyTo(id);
        WriteDigits(id.Slice(6, 4), birth.Year);
        WriteDigits(id.Slice(10, 2), birth.Month);
        WriteDigits(id.Slice(12, 2), birth.Day);
        var sequence = (rng.Next(500) * 2) + (male ? 1 : 0);
        WriteDigits(id.Slice(14, 3), sequence);
        id[17] = ResidentIdNumber.CheckDigit(id[..17]) ?? throw new InvalidOperationException("县级行政区划代码应为 6 位数字");
        return new string(id);
    }

    private static void WriteDigits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
