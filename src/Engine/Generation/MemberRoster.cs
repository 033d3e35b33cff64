using Monitoring.Engine.Records;

namespace Monitoring.Engine.Generation;

/// <summary>What the rest of the household generator needs to know about the members it made.</summary>
internal sealed class MemberRoster
{
    public MemberRoster(int size)
    {
        Members = new List<MemberRecord>(size);
        Ages = new int[size];
    }

    public List<MemberRecord> Members { get; }

    public int[] Ages { get; }

    public int Count => Members.Count;

    /// <summary>Members with labour capacity full or skilled.</summary>
    public int Laborers { get; set; }

    public bool AnyLost { get; set; }

    public bool AnyEmployed { get; set; }

    /// <summary>Index of a member with health serious, or -1.</summary>
    public int SeriousMember { get; set; } = -1;

    /// <summary>Index of a member with health chronic, or -1.</summary>
    public int ChronicMember { get; set; } = -1;

    /// <summary>Index of a member enrolled at 15 to 18 (senior school fees), or -1.</summary>
    public int SeniorStudent { get; set; } = -1;

    public bool AnyDisabled { get; set; }
}
