namespace Monitoring.Rules.Codes;

/// <summary>
/// One value of an enumerated field of the interchange format (household-format.md): the code written in the JSON
/// (<see cref="Code"/>, never renamed) and the Chinese label staff read and may type (<see cref="Zh"/>, with other
/// accepted spellings in <see cref="Aliases"/>).
/// </summary>
public sealed record DomainCode(string Code, string Zh, IReadOnlyList<string> Aliases)
{
    public DomainCode(string code, string zh)
        : this(code, zh, [])
    {
    }

    public override string ToString() => Code;
}
