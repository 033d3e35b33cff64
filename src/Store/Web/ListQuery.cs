using Monitoring.Store.Access;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.Web;

/// <summary>
/// The review list's filters as SQL over the read model <c>current_outcomes</c>: candidates of the night's profile in an
/// area (a range on the partial index, on the village the night evaluated the household in: the
/// list is that night's view, and a household moved to another village since is listed there after the next night), optionally
/// one household, one reason rule, flagged since the night, one status; households dismissed on their current outcome
/// hash are left out. Area scoping happens here, in the data layer.
/// </summary>
internal sealed record ListQuery(string Area, string? HouseholdId, string? Rule, bool NewSinceLastNight, string? Status)
{
    /// <summary>The filter for a caller (area outside theirs: <see cref="OutsideAreaException"/>; an unknown status: <see cref="ArgumentException"/>).</summary>
    public static ListQuery For(Caller caller, ReviewFilter filter)
    {
        var area = caller.ListArea(filter.Area);
        var status = string.IsNullOrWhiteSpace(filter.Status) ? null : filter.Status.Trim();
        if (status is not (null or ReviewStatuses.Pending or ReviewStatuses.Confirmed))
        {
            throw new ArgumentException($"状态应为 {ReviewStatuses.Pending}（待核查）或 {ReviewStatuses.Confirmed}（已确认），而不是“{status}”", nameof(filter));
        }

        return new ListQuery(area, null, string.IsNullOrWhiteSpace(filter.Rule) ? null : filter.Rule.Trim(), filter.NewSinceLastNight, status);
    }

    /// <summary>SELECT <paramref name="columns"/> over the filtered rows (aliases c: current_outcomes, last: the latest decision); ends in its WHERE clause.</summary>
    public static string Filtered(string columns) => $"""
        SELECT {columns}
        FROM current_outcomes c
        LEFT JOIN LATERAL (SELECT d.decision, d.outcome_hash FROM review_decisions d
                           WHERE d.household_id = c.household_id ORDER BY d.id DESC LIMIT 1) last ON true
        WHERE c.profile = @profile AND c.run_id <= @run AND c.candidate_type IS NOT NULL
          AND c.village_code BETWEEN @low AND @high
          AND (@household::text IS NULL OR c.household_id = @household)
          AND (@rule::text IS NULL OR @rule = ANY (c.rule_ids))
          AND (NOT @new OR c.flagged_since >= @asOf)
          AND NOT coalesce(last.decision = 'dismiss' AND last.outcome_hash = c.outcome_hash, false)
          AND (@status::text IS NULL OR (CASE WHEN last.decision = 'confirm' THEN 'confirmed' ELSE 'pending' END) = @status)
        """;

    public void Bind(NpgsqlCommand command, ListNight night)
    {
        // Village codes are 6 to 12 ASCII digits (validated on import): those that start with the area's code are exactly
        // the ones in [area, area followed by nines] — a range the partial index serves and the planner estimates well.
        var low = Area;
        var high = Area.PadRight(16, '9');
        command.Parameters.AddWithValue("profile", night.Profile);
        command.Parameters.AddWithValue("run", night.RunId);
        command.Parameters.AddWithValue("asOf", night.AsOf);
        command.Parameters.AddWithValue("area", Area);
        command.Parameters.AddWithValue("low", low);
        command.Parameters.AddWithValue("high", high);
        command.Parameters.AddWithValue("household", NpgsqlDbType.Text, (object?)HouseholdId ?? DBNull.Value);
        command.Parameters.AddWithValue("rule", NpgsqlDbType.Text, (object?)Rule ?? DBNull.Value);
        command.Parameters.AddWithValue("new", NewSinceLastNight);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)Status ?? DBNull.Value);
    }
}
