using Monitoring.Engine.Records;
using Monitoring.Rules.Cases;
using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Cases;

/// <summary>
/// Rebuilds a household's record from its case log: the record as it was before the first case command (for the parts the
/// commands write: case, helper, category and type once a command decided them, the visits and the events the commands
/// added) with everything else as it is now (imports keep their data), then the commands in force applied in log order.
/// A correction or void is written as the record this gives; a point-in-time view applies only the commands dated on or
/// before its day.
/// </summary>
public static class CaseReplay
{
    /// <summary>
    /// <paramref name="current"/> with the parts the logged commands wrote taken back to <paramref name="beforeFirst"/> (the
    /// version the first case-log entry started from).
    /// </summary>
    public static HouseholdRecord Base(HouseholdRecord current, HouseholdRecord beforeFirst, CaseHistory history)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(beforeFirst);
        ArgumentNullException.ThrowIfNull(history);
        var result = CanonicalRecord.Clone(current);
        var before = CanonicalRecord.Clone(beforeFirst);
        var commands = history.Entries
            .Select(e => e.Command.Name == CaseCommand.Correct ? e.Command.AsReplacement() : e.Command)
            .Where(c => !c.IsAmendment)
            .ToList();
        result.Case = before.Case;
        if (commands.Any(c => c.Name == CaseCommand.Helper))
        {
            result.Helper = before.Helper;
        }

        if (commands.Any(c => (c.Name == CaseCommand.Step && c.StepName == DomainLabels.CountyApproval.Code)
            || (c.Name == CaseCommand.ReleaseStep && c.StepName == DomainLabels.CountyAnnouncement.Code)))
        {
            result.Category = before.Category;
            result.MonitoringType = before.MonitoringType;
        }

        var visitDates = commands.Where(c => c.Name == CaseCommand.Visit).Select(c => c.Date).Except(before.Visits ?? []).ToHashSet();
        if (visitDates.Count > 0 && result.Visits is { } visits)
        {
            visits.RemoveAll(visitDates.Contains);
            result.Visits = visits.Count == 0 && before.Visits is null ? null : visits;
        }

        var opened = commands.Where(c => c.Name == CaseCommand.Open && c.Trigger is { } t && t != CaseProcedure.Candidate).ToList();
        if (opened.Count > 0 && result.Events is { } events)
        {
            events.RemoveAll(e => e.Note == CaseProcedure.OpenedEventNote
                && opened.Any(c => c.Date == e.Date && c.Trigger == e.Kind)
                && !(before.Events ?? []).Any(b => b.Date == e.Date && b.Kind == e.Kind && b.Note == e.Note));
            result.Events = events.Count == 0 && before.Events is null ? null : events;
        }

        return result;
    }

    /// <summary>
    /// Applies <paramref name="commands"/> in order to <paramref name="baseRecord"/>, each checked by the state machine as
    /// of <paramref name="today"/>. Strict (a correction): a command that no longer stands refuses the whole correction,
    /// naming the entry; otherwise (a view of an earlier day) it is left out.
    /// </summary>
    public static HouseholdRecord Rebuild(HouseholdRecord baseRecord, IEnumerable<(long Entry, CaseCommand Command)> commands, CaseProcedure procedure, DateOnly today, long? strictFor = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(procedure);
        var record = baseRecord;
        foreach (var (entry, command) in commands)
        {
            try
            {
                record = procedure.Apply(record, command, today);
            }
            catch (CaseRejectedException ex) when (strictFor is { } corrected)
            {
                if (entry == corrected)
                {
                    throw;
                }

                throw procedure.Rules.Refusal(CaseRuleIds.Correction, $"更正后，案件日志 #{entry}（{command.Name} {CaseCommand.Text(command.Date)}）不再成立：{ex.Message}");
            }
            catch (CaseRejectedException) when (strictFor is null)
            {
                // A view of an earlier day shows what stands on that day.
            }
        }

        return record;
    }

    /// <summary>
    /// The household as recorded by <paramref name="asOf"/>: the case commands dated on or before it replayed (when the
    /// household has a case log), then every dated case item after it — steps, plan, measures, revisits, visits, events, a
    /// helper assigned later, a case opened later — left out (this also covers case data that came with an import).
    /// </summary>
    public static HouseholdRecord AsOf(HouseholdRecord current, HouseholdRecord? beforeFirst, CaseHistory history, CaseProcedure procedure, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(history);
        var record = history.IsEmpty || beforeFirst is null
            ? CanonicalRecord.Clone(current)
            : Rebuild(Base(current, beforeFirst, history), history.InForce().Where(c => c.Command.Date <= asOf), procedure, asOf);
        return CutAt(record, asOf);
    }

    /// <summary>Leaves out every dated case item after <paramref name="asOf"/> (the record is changed in place and returned).</summary>
    public static HouseholdRecord CutAt(HouseholdRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool After(DateOnly? date) => date is { } d && d > asOf;
        if (record.Case is { } c)
        {
            if (After(c.OpenedOn))
            {
                record.Case = null;
            }
            else
            {
                c.Inclusion?.RemoveAll(s => After(s.Date));
                c.Measures?.RemoveAll(m => After(m.Date));
                c.PlanOn = After(c.PlanOn) ? null : c.PlanOn;
                if (c.Release is { } release)
                {
                    release.Steps?.RemoveAll(s => After(s.Date));
                    release.Revisits?.RemoveAll(d => d > asOf);
                    if ((release.Steps?.Count ?? 0) == 0 && (release.Revisits?.Count ?? 0) == 0)
                    {
                        c.Release = null;
                    }
                }
            }
        }

        if (After(record.Helper?.AssignedOn))
        {
            record.Helper = null;
        }

        record.Visits?.RemoveAll(d => d > asOf);
        record.Events?.RemoveAll(e => After(e.Date));
        return record;
    }
}
