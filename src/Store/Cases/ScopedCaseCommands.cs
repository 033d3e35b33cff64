using Monitoring.Engine.Cases;
using Monitoring.Store.Access;
using Monitoring.Store.Web;
using Npgsql;

namespace Monitoring.Store.Cases;

/// <summary>
/// Case commands as a signed-in caller records them: only on a household of the caller's area (else not found), only by
/// a role that writes, and each step at its level — village staff record the village's steps, town staff also the town's
/// review steps (镇审核、镇复核、不予纳入), county staff also county approval, department review and the announcement.
/// The command then runs through <see cref="CaseService"/> (the procedure's refusals stand) and is written to the access log.
/// </summary>
public sealed class ScopedCaseCommands(NpgsqlDataSource dataSource, CaseService cases, AccessLog accessLog)
{
    private static readonly Dictionary<string, UserRole> StepLevels = new(StringComparer.Ordinal)
    {
        ["town_review"] = UserRole.Town,
        ["town_recheck"] = UserRole.Town,
        ["rejected"] = UserRole.Town,
        ["county_approval"] = UserRole.County,
        ["department_review"] = UserRole.County,
        ["county_announcement"] = UserRole.County,
    };

    /// <summary>Whether <paramref name="caller"/>'s role may record <paramref name="step"/> (any role that writes may record the others).</summary>
    public static bool MayRecord(Caller caller, string? step)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanWrite)
        {
            return false;
        }

        return step is null || !StepLevels.TryGetValue(step, out var level) || Rank(caller.Role) >= Rank(level);
    }

    /// <summary>Records the command; null when the household does not exist for the caller.</summary>
    public CaseCommandResult? Execute(Caller caller, string householdId, CaseCommand command, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        caller.RequireWrite("登记案件");

        if (!MayRecord(caller, command.StepName))
        {
            throw new NotPermittedException($"{caller.Role.Label()}不能登记“{Monitoring.Rules.Expressions.StepNames.Zh(command.StepName!)}”");
        }

        string? village;
        using (var connection = dataSource.OpenConnection())
        {
            village = ScopedHouseholds.VillageOf(connection, caller, householdId);
        }

        if (village is null)
        {
            return null;
        }

        var result = cases.Execute(householdId, command, caller.UserName, caller.ClientAddress is { } address ? $"web {address}" : "web", today);
        accessLog.Append(caller, AccessActions.CaseCommand, householdId, village, $"{command.Name} {command.PayloadJson()}");
        return result;
    }

    private static int Rank(UserRole role) => role switch
    {
        UserRole.Village => 0,
        UserRole.Town => 1,
        UserRole.County => 2,
        _ => -1,
    };
}
