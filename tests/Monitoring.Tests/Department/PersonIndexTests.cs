using System.Text;
using Monitoring.Engine.Department;

namespace Monitoring.Tests.Department;

/// <summary>
/// The shared-person index of <c>evaluate</c> (DATA-DUPLICATE-PERSON): built from one full parse of the input and a
/// second parse of only the lines holding a repeated ID, it finds the same persons as comparing every line.
/// </summary>
public sealed class PersonIndexTests
{
    private static string Line(string id, params string[] idNumbers) =>
        $$"""{"id":"{{id}}","members":[{{string.Join(",", idNumbers.Select(n => $$"""{"idNumber":"{{n}}","name":"x"}"""))}}]}""";

    private static (PersonIndex Index, List<IReadOnlySet<long>?> Asked) Build(params string[] lines)
    {
        var utf8 = lines.Select(l => Encoding.UTF8.GetBytes(l)).ToList();
        var asked = new List<IReadOnlySet<long>?>();
        var index = PersonIndex.Build(wanted =>
        {
            asked.Add(wanted is null ? null : new HashSet<long>(wanted));
            return HouseholdPeople.Scan(utf8, wanted);
        });
        return (index, asked);
    }

    [Fact]
    public void Finds_persons_of_several_households_and_parses_only_their_lines_again()
    {
        var (index, asked) = Build(
            Line("H3", "610728199001011234", "A1"),
            Line("H1", "B1", "B1"), // the same person twice in one household is not shared
            "   ",
            Line("H2", " 61072819900101123x "), // other line, other ID (differs in the check character)
            Line("H4", "C1"),
            Line("H2", "610728199001011234"),
            "not json",
            Line("H5", "a1", "D1"));

        Assert.Equal(["610728199001011234", "A1"], index.Shared.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["H2", "H3"], index.Shared["610728199001011234"]);
        Assert.Equal(["H3", "H5"], index.Shared["A1"]);
        Assert.Equal(["H2"], index.OthersOf("610728199001011234", "H3"));
        Assert.Empty(index.OthersOf("B1", "H1"));
        Assert.Equal(2, asked.Count);
        Assert.Null(asked[0]);
        Assert.Equal([1L, 6L, 8L], asked[1]!.Order());
    }

    [Fact]
    public void A_household_id_on_two_lines_is_not_a_shared_person()
    {
        var (index, _) = Build(Line("H1", "E1"), Line("H1", "E1"), Line("H2", "F1"));

        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Without_repeated_ids_the_input_is_parsed_once()
    {
        var (index, asked) = Build(Line("H1", "E1"), Line("H2", "F1"));

        Assert.Equal(0, index.Count);
        Assert.Single(asked);
    }
}
