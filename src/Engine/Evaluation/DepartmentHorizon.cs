using Monitoring.Rules.Facts;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// The next date a household's department checks can change by the calendar alone (department-data.md): the day a roster
/// snapshot it was compared with stops being current (snapshot + <c>rosterMaxAgeDays</c> + 1) and the day a warning naming
/// a member passes its grace period (date + <c>candidateGraceDays</c> + 1). Feeds the outcome horizon of incremental runs;
/// a new snapshot is found by the run itself.
/// </summary>
public static class DepartmentHorizon
{
    public static DateOnly? NextChange(DepartmentFacts department, DateOnly asOf, int? rosterMaxAgeDays, int? graceDays)
    {
        DateOnly? next = null;
        void Consider(DateOnly date)
        {
            if (date > asOf && (next is null || date < next))
            {
                next = date;
            }
        }

        if (rosterMaxAgeDays is { } maxAge)
        {
            foreach (var state in department.Newest.Values)
            {
                Consider(state.SnapshotDate.AddDays(maxAge + 1));
            }
        }

        if (graceDays is { } grace)
        {
            foreach (var warning in department.Warnings)
            {
                Consider(warning.Date.AddDays(grace + 1));
            }
        }

        return next;
    }

    /// <summary>The earlier of the two dates (either may be absent).</summary>
    public static DateOnly Earlier(DateOnly horizon, DateOnly? department) => department is { } d && d < horizon ? d : horizon;
}
