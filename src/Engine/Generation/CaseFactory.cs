using Monitoring.Engine.Records;

namespace Monitoring.Engine.Generation;

/// <summary>
/// Builds monitoring cases in every procedure state: inclusion under way, rejected, included (on time or late,
/// with a missing or out-of-order step, a short public notice), plan and measures on time or late, release in
/// progress, released with or without revisits. Every date done is on or before as-of; steps are unique per case.
/// </summary>
internal static class CaseFactory
{
    private static readonly string[] Inclusion =
        ["warning_notice", "home_verification", "consent", "data_comparison", "village_review", "public_notice", "town_review", "county_approval"];

    private static readonly string[] ReleaseSteps = ["village_notice", "town_recheck", "department_review", "county_announcement"];

    private static readonly string[] MeasureKinds =
        ["industry", "industry", "employment", "employment", "public_welfare_job", "education", "medical", "medical", "housing", "water", "assistance", "insurance", "other"];

    private const int PublicNotice = 5;
    private const int TownReview = 6;
    private const int CountyApproval = 7;

    private enum Issue
    {
        None,
        Late,
        MissingStep,
        OutOfOrder,
        ShortNotice,
    }

    /// <summary>A case of a monitored household: inclusion complete, plan and measures, now and then a release under way.</summary>
    public static CaseRecord Included(Random rng, DateOnly asOf, out DateOnly approvedOn)
    {
        Span<int> offsets = stackalloc int[Inclusion.Length];
        var missing = Plan(rng, offsets, PickIssue(rng), out var until);
        var daysAgo = rng.Chance(0.08) ? rng.Between(0, 30) : rng.Between(31, 900);
        var opened = asOf.AddDays(-daysAgo - Max(offsets, until, includeUntil: false));
        approvedOn = opened.AddDays(offsets[CountyApproval]);
        var record = new CaseRecord { OpenedOn = opened, Inclusion = Steps(opened, offsets, until, Inclusion.Length, missing) };
        PlanAndMeasures(rng, record, approvedOn, asOf);

        if (approvedOn <= asOf.AddDays(-90) && rng.Chance(0.10))
        {
            // Release under way: the village notice is out, perhaps the town recheck done.
            var start = asOf.AddDays(-rng.Between(0, 8));
            Span<int> release = stackalloc int[ReleaseSteps.Length];
            var releaseUntil = PlanRelease(rng, release, out _);
            var steps = new List<CaseStepRecord>(2);
            for (var i = 0; i < 2 && start.AddDays(release[i]) <= asOf; i++)
            {
                steps.Add(new CaseStepRecord { Step = ReleaseSteps[i], Date = start.AddDays(release[i]), Until = i == 0 ? start.AddDays(releaseUntil) : null });
            }

            record.Release = new ReleaseRecord { Steps = steps, Revisits = [] };
        }

        return record;
    }

    /// <summary>A case that was included and later released (four-step release, revisits), sometimes with release steps out of order or missing.</summary>
    public static CaseRecord Released(Random rng, DateOnly asOf, out DateOnly announcedOn)
    {
        Span<int> offsets = stackalloc int[Inclusion.Length];
        var issue = rng.Chance(0.85) ? Issue.None : PickIssue(rng);
        var missing = Plan(rng, offsets, issue, out var until);
        Span<int> release = stackalloc int[ReleaseSteps.Length];
        var releaseUntil = PlanRelease(rng, release, out var releaseMissing);
        var releaseSpan = Max(release, releaseUntil, includeUntil: false);
        var monitoredDays = rng.Between(120, 540);
        var tail = rng.Between(0, 500);
        var opened = asOf.AddDays(-tail - releaseSpan - monitoredDays - offsets[CountyApproval]);
        var approvedOn = opened.AddDays(offsets[CountyApproval]);
        var record = new CaseRecord { OpenedOn = opened, Inclusion = Steps(opened, offsets, until, Inclusion.Length, missing) };
        PlanAndMeasures(rng, record, approvedOn, asOf);

        var start = approvedOn.AddDays(monitoredDays);
        var steps = new List<CaseStepRecord>(ReleaseSteps.Length);
        for (var i = 0; i < ReleaseSteps.Length; i++)
        {
            if (i != releaseMissing)
            {
                steps.Add(new CaseStepRecord { Step = ReleaseSteps[i], Date = start.AddDays(release[i]), Until = i == 0 ? start.AddDays(releaseUntil) : null });
            }
        }

        announcedOn = start.AddDays(release[^1]);
        var revisits = new List<DateOnly>(2);
        var u = rng.NextDouble();
        var first = u < 0.72 ? announcedOn.AddDays(rng.Between(20, 175)) : u < 0.82 ? announcedOn.AddDays(rng.Between(190, 300)) : (DateOnly?)null;
        if (first is { } f && f <= asOf)
        {
            revisits.Add(f);
            var second = f.AddDays(rng.Between(60, 240));
            if (rng.Chance(0.3) && second <= asOf)
            {
                revisits.Add(second);
            }
        }

        record.Release = new ReleaseRecord { Steps = steps, Revisits = revisits };
        return record;
    }

    /// <summary>
    /// A case ended by 不予纳入 after some of the steps, sometimes past the 15-day limit; opened on
    /// <paramref name="opened"/> when given (then decided by as-of), else some time in the last two years.
    /// </summary>
    public static CaseRecord Rejected(Random rng, DateOnly asOf, DateOnly? opened)
    {
        Span<int> offsets = stackalloc int[Inclusion.Length];
        var missing = Plan(rng, offsets, rng.Chance(0.9) ? Issue.None : Issue.ShortNotice, out var until);
        var count = rng.Pick(RejectedAfter);
        var last = 0;
        for (var i = 0; i < count; i++)
        {
            last = Math.Max(last, offsets[i]);
        }

        var rejectedAt = rng.Chance(0.15) ? Math.Max(last, rng.Between(17, 40)) : last + rng.Between(0, 3);
        var start = opened ?? asOf.AddDays(-rejectedAt - rng.Between(0, 600));
        var room = asOf.DayNumber - start.DayNumber;
        if (rejectedAt > room)
        {
            // Decided by as-of: fewer steps before the rejection.
            rejectedAt = room;
            while (count > 1 && offsets[count - 1] > rejectedAt)
            {
                count--;
            }
        }

        var steps = Steps(start, offsets, until, count, missing);
        steps.Add(new CaseStepRecord { Step = "rejected", Date = start.AddDays(rejectedAt) });
        return new CaseRecord { OpenedOn = start, Inclusion = steps, Measures = [] };
    }

    private static readonly int[] RejectedAfter = [2, 4, 4, 5, 6, 6, 7];

    /// <summary>A case opened on <paramref name="opened"/> (≤ as-of) with the steps done by as-of: from only the warning notice to town review.</summary>
    public static CaseRecord InProgress(Random rng, DateOnly asOf, DateOnly opened)
    {
        Span<int> offsets = stackalloc int[Inclusion.Length];
        var issue = rng.Chance(0.2) ? Issue.Late : rng.Chance(0.1) ? Issue.MissingStep : Issue.None;
        var missing = Plan(rng, offsets, issue, out var until);
        var count = rng.Between(1, TownReview + 1);
        while (count > 1 && opened.AddDays(offsets[count - 1]) > asOf)
        {
            count--;
        }

        if (missing >= count)
        {
            missing = -1;
        }

        return new CaseRecord { OpenedOn = opened, Inclusion = Steps(opened, offsets, until, count, missing), Measures = [] };
    }

    private static Issue PickIssue(Random rng)
    {
        var u = rng.NextDouble();
        return u < 0.66 ? Issue.None : u < 0.78 ? Issue.Late : u < 0.83 ? Issue.MissingStep : u < 0.88 ? Issue.OutOfOrder : Issue.ShortNotice;
    }

    /// <summary>
    /// Fills the day offsets of the eight inclusion steps from openedOn (on time: approval within 15 days) and the
    /// public notice's last day. Returns the index of a step left out, or -1.
    /// </summary>
    private static int Plan(Random rng, Span<int> offsets, Issue issue, out int until)
    {
        offsets[0] = 0;
        offsets[1] = rng.Between(0, 1);
        offsets[2] = offsets[1] + (rng.Chance(0.3) ? 1 : 0);
        offsets[3] = offsets[2] + rng.Between(1, 2);
        offsets[4] = offsets[3] + rng.Between(0, 1);
        offsets[PublicNotice] = offsets[4] + rng.Between(0, 1);
        var noticeDays = issue == Issue.ShortNotice ? rng.Between(3, 4) : rng.Between(5, 7);
        until = offsets[PublicNotice] + noticeDays - 1;
        offsets[TownReview] = until + 1;
        offsets[CountyApproval] = offsets[TownReview] + rng.Between(0, 2);

        switch (issue)
        {
            case Issue.Late:
            {
                // Approval lands 17 to 45 days after opening; the hold-up is at one step.
                var delay = rng.Between(17, 45) - offsets[CountyApproval];
                var from = rng.Pick(LateFrom);
                for (var i = from; i < offsets.Length; i++)
                {
                    offsets[i] += delay;
                }

                if (from <= PublicNotice)
                {
                    until += delay;
                }

                return -1;
            }

            case Issue.MissingStep:
                return rng.Pick(MissableSteps);
            case Issue.OutOfOrder:
            {
                // A step dated before the one that should precede it: village review before data comparison,
                // or county approval before town review.
                var earlier = rng.Chance(0.5) ? 3 : TownReview;
                offsets[earlier + 1] = Math.Max(0, offsets[earlier] - rng.Between(1, 2));
                return -1;
            }

            default:
                return -1;
        }
    }

    private static readonly int[] LateFrom = [2, 3, 3, 6, 6, 7];
    private static readonly int[] MissableSteps = [1, 2, 3, 3, 4, 6];

    /// <summary>Release steps: village notice (5–8 days), town recheck, department review, county announcement. Returns the notice's last day.</summary>
    private static int PlanRelease(Random rng, Span<int> offsets, out int missing)
    {
        offsets[0] = 0;
        var until = rng.Between(4, 7);
        offsets[1] = until + rng.Between(1, 3);
        offsets[2] = offsets[1] + rng.Between(1, 5);
        offsets[3] = offsets[2] + rng.Between(1, 5);
        missing = -1;
        var u = rng.NextDouble();
        if (u < 0.06)
        {
            // Department review dated before the town recheck.
            offsets[2] = offsets[1] - rng.Between(1, 3);
        }
        else if (u < 0.10)
        {
            missing = rng.Between(1, 2);
        }

        return until;
    }

    private static int Max(ReadOnlySpan<int> offsets, int until, bool includeUntil)
    {
        var max = includeUntil ? until : 0;
        foreach (var o in offsets)
        {
            max = Math.Max(max, o);
        }

        return max;
    }

    private static List<CaseStepRecord> Steps(DateOnly opened, ReadOnlySpan<int> offsets, int until, int count, int missing)
    {
        var steps = new List<CaseStepRecord>(count + 1);
        for (var i = 0; i < count; i++)
        {
            if (i == missing)
            {
                continue;
            }

            steps.Add(new CaseStepRecord
            {
                Step = Inclusion[i],
                Date = opened.AddDays(offsets[i]),
                Until = i == PublicNotice ? opened.AddDays(until) : null,
            });
        }

        return steps;
    }

    /// <summary>一户一策 plan and measures after approval: on time, late or missing; nothing dated after as-of.</summary>
    private static void PlanAndMeasures(Random rng, CaseRecord record, DateOnly approvedOn, DateOnly asOf)
    {
        var u = rng.NextDouble();
        DateOnly? plan = u < 0.85 ? approvedOn.AddDays(rng.Between(0, 9)) : u < 0.93 ? approvedOn.AddDays(rng.Between(30, 75)) : null;
        record.PlanOn = plan <= asOf ? plan : null;

        var measures = new List<MeasureRecord>(3);
        u = rng.NextDouble();
        if (u < 0.95)
        {
            var first = u < 0.86 ? approvedOn.AddDays(rng.Between(0, 27)) : approvedOn.AddDays(rng.Between(35, 120));
            var count = rng.Between(1, 3);
            for (var i = 0; i < count && first <= asOf; i++)
            {
                measures.Add(new MeasureRecord { Kind = rng.Pick(MeasureKinds), Date = first });
                first = first.AddDays(rng.Between(10, 200));
            }
        }

        record.Measures = measures;
    }
}
