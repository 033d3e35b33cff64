using Monitoring.Rules.Cases;
using Monitoring.Rules.Codes;

namespace Monitoring.Engine.Cases;

/// <summary>
/// A household's case log read as a history: every entry in log order, and the commands in force — each recorded command
/// as its latest correction has it, voided ones left out. Corrections and voids name the entry they replace; the original
/// entries stay in the log.
/// </summary>
public sealed class CaseHistory
{
    private readonly Dictionary<long, CaseHistoryEntry> _byId;

    public CaseHistory(IEnumerable<CaseHistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries.OrderBy(e => e.Id)];
        _byId = Entries.ToDictionary(e => e.Id);
    }

    public static CaseHistory From(IEnumerable<CaseLogRow> rows) => new(rows.Select(CaseHistoryEntry.From));

    public IReadOnlyList<CaseHistoryEntry> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>The latest correction or void of an entry, or null when it stands as recorded.</summary>
    public CaseHistoryEntry? AmendmentOf(long entryId) =>
        Entries.LastOrDefault(e => e.Command.IsAmendment && e.Command.Entry == entryId);

    /// <summary>The recorded commands in force, in log order, with the id of the entry each stands for.</summary>
    public IEnumerable<(long Entry, CaseCommand Command)> InForce()
    {
        foreach (var entry in Entries.Where(e => !e.Command.IsAmendment))
        {
            switch (AmendmentOf(entry.Id)?.Command)
            {
                case null:
                    yield return (entry.Id, entry.Command);
                    break;
                case { Name: CaseCommand.Correct } correction:
                    yield return (entry.Id, correction.AsReplacement());
                    break;
            }
        }
    }

    /// <summary>
    /// The entry an amendment may name: a recorded command of this household (not a correction or void) that has not been
    /// voided. Refused with CASE-CORRECTION (resolved by <paramref name="rules"/>) otherwise.
    /// </summary>
    public CaseHistoryEntry Target(long entryId, CaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!_byId.TryGetValue(entryId, out var entry))
        {
            throw rules.Refusal(CaseRuleIds.Correction, $"本户案件日志中没有第 #{entryId} 条登记");
        }

        if (entry.Command.IsAmendment)
        {
            throw rules.Refusal(CaseRuleIds.Correction, $"#{entryId} 本身是{DomainLabels.CaseCommands.Zh(entry.Command.Name)}记录，请指明被更正的原始登记 #{entry.Command.Entry}");
        }

        if (AmendmentOf(entryId) is { Command.Name: CaseCommand.Void } voided)
        {
            throw rules.Refusal(CaseRuleIds.Correction, $"#{entryId} 已由 #{voided.Id} 作废");
        }

        return entry;
    }

    /// <summary>The command entry <paramref name="entryId"/> stands for now (its latest correction, else as recorded).</summary>
    public CaseCommand InForceCommand(long entryId, CaseRules rules)
    {
        var entry = Target(entryId, rules);
        return AmendmentOf(entryId) is { Command.Name: CaseCommand.Correct } correction ? correction.Command.AsReplacement() : entry.Command;
    }

    /// <summary>This history with one more entry (a correction or void not yet written), numbered after every entry.</summary>
    public CaseHistory With(CaseCommand amendment)
    {
        var id = Entries.Count == 0 ? 1 : Entries[^1].Id + 1;
        var row = new CaseLogRow(id, amendment.Name, amendment.PayloadJson(), "", "", DateTimeOffset.MinValue, null, "");
        return new CaseHistory(Entries.Append(new CaseHistoryEntry(row, amendment)));
    }
}
