using Monitoring.Engine.Records;
using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Cases;

/// <summary>Where a household's monitoring case stands, derived from the record's <c>case</c> section.</summary>
public enum CaseState
{
    /// <summary>No case.</summary>
    None,

    /// <summary>Opened, inclusion steps under way, not yet decided.</summary>
    Identifying,

    /// <summary>Ended by 不予纳入.</summary>
    Rejected,

    /// <summary>County approval recorded: a monitored household.</summary>
    Included,

    /// <summary>Included, release steps under way.</summary>
    Releasing,

    /// <summary>County announcement of release recorded.</summary>
    Released,
}

/// <summary>Reads the <see cref="CaseState"/> of a case section.</summary>
public static class CaseStates
{
    public static CaseState Of(CaseRecord? record)
    {
        if (record is null)
        {
            return CaseState.None;
        }

        var inclusion = record.Inclusion ?? [];
        var release = record.Release?.Steps ?? [];
        if (release.Any(s => s.Step == "county_announcement"))
        {
            return CaseState.Released;
        }

        if (inclusion.Any(s => s.Step == "county_approval"))
        {
            return release.Count > 0 ? CaseState.Releasing : CaseState.Included;
        }

        return inclusion.Any(s => s.Step == "rejected") ? CaseState.Rejected : CaseState.Identifying;
    }

    /// <summary>An open case: one that may still take inclusion or release steps.</summary>
    public static bool IsActive(CaseState state) => state is CaseState.Identifying or CaseState.Included or CaseState.Releasing;

    /// <summary>The state's Chinese label (<see cref="DomainLabels.CaseStates"/>).</summary>
    public static string Zh(CaseState state) => DomainLabels.CaseStates.Zh(state.ToString());

    /// <summary>The date of an inclusion or release step, or null when not recorded.</summary>
    public static DateOnly? DateOf(IEnumerable<CaseStepRecord>? steps, string step) =>
        steps?.FirstOrDefault(s => s.Step == step)?.Date;
}
