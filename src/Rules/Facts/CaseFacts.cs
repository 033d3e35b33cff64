namespace Monitoring.Rules.Facts;

/// <summary>A monitoring case: the inclusion steps, the plan and measures, and the release.</summary>
public sealed class CaseFacts
{
    public DateOnly OpenedOn { get; init; }

    public IReadOnlyList<CaseStepFacts> Inclusion { get; init; } = [];

    public DateOnly? PlanOn { get; init; }

    public IReadOnlyList<MeasureFacts> Measures { get; init; } = [];

    /// <summary>Release steps in recorded order; empty when no release was started.</summary>
    public IReadOnlyList<CaseStepFacts> Release { get; init; } = [];

    public IReadOnlyList<DateOnly> Revisits { get; init; } = [];

    /// <summary>Format 1.1 <c>case.risks</c>: the kinds identified; null when the record has no such field.</summary>
    public IReadOnlyList<string>? RiskKinds { get; init; }

    /// <summary>Format 1.1 <c>case.reviews</c>: the quarterly 研判 dates; null when the record has no such field.</summary>
    public IReadOnlyList<DateOnly>? Reviews { get; init; }

    public bool Has(string step) => Find(Inclusion, step) is not null;

    /// <summary>The date a step was done; the case's opening date is never returned for a missing step, callers check <see cref="Has"/>.</summary>
    public DateOnly DateOf(string step) => Find(Inclusion, step)?.Date ?? throw new InvalidOperationException($"步骤 {step} 未记录");

    public CaseStepFacts? Notice => Find(Inclusion, "public_notice");

    /// <summary>Included = has county_approval (县级审定公告).</summary>
    public bool Included => Has("county_approval");

    public DateOnly IncludedOn => DateOf("county_approval");

    public bool Rejected => Has("rejected");

    /// <summary>County approval or rejection, whichever is recorded first.</summary>
    public bool Decided => Included || Rejected;

    public DateOnly DecidedOn => Included && Rejected
        ? (IncludedOn < DateOf("rejected") ? IncludedOn : DateOf("rejected"))
        : Included ? IncludedOn : DateOf("rejected");

    public bool HasPlan => PlanOn is not null;

    public DateOnly PlanDate => PlanOn ?? throw new InvalidOperationException("未制定帮扶方案");

    public bool HasMeasure => Measures.Count > 0;

    public DateOnly FirstMeasureOn => Measures.Count == 0 ? throw new InvalidOperationException("无帮扶措施") : Measures.Min(m => m.Date);

    public bool HasReleaseSteps => Release.Count > 0;

    public bool HasReleaseStep(string step) => Find(Release, step) is not null;

    public DateOnly ReleaseDateOf(string step) => Find(Release, step)?.Date ?? throw new InvalidOperationException($"步骤 {step} 未记录");

    /// <summary>The release's village notice (村公示), or null.</summary>
    public CaseStepFacts? ReleaseNotice => Find(Release, "village_notice");

    /// <summary>Released = has county_announcement (县级公告).</summary>
    public bool Released => HasReleaseStep("county_announcement");

    public DateOnly ReleasedOn => ReleaseDateOf("county_announcement");

    private static CaseStepFacts? Find(IReadOnlyList<CaseStepFacts> steps, string step)
    {
        foreach (var s in steps)
        {
            if (s.Step == step)
            {
                return s;
            }
        }

        return null;
    }
}
