using Microsoft.EntityFrameworkCore;
using Monitoring.Store.Nightly;
using Monitoring.Store.Exporting;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Schema;

/// <summary>The monitoring store on PostgreSQL (snake_case names; migrations in <c>Store/Migrations</c>).</summary>
public sealed class MonitoringDbContext : DbContext
{
    public MonitoringDbContext(DbContextOptions<MonitoringDbContext> options)
        : base(options)
    {
    }

    public DbSet<HouseholdVersion> HouseholdVersions => Set<HouseholdVersion>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();

    public DbSet<StoredFinding> Findings => Set<StoredFinding>();

    public DbSet<FindingResolution> FindingResolutions => Set<FindingResolution>();

    public DbSet<StoredOutcome> Outcomes => Set<StoredOutcome>();

    public DbSet<RunCount> RunCounts => Set<RunCount>();

    public DbSet<HelperGroupState> HelperGroupStates => Set<HelperGroupState>();

    public DbSet<CaseLogEntry> CaseLog => Set<CaseLogEntry>();

    public DbSet<HouseholdEvaluationState> EvaluationStates => Set<HouseholdEvaluationState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<HouseholdVersion>(e =>
        {
            e.ToTable("household_versions");
            e.HasKey(v => v.Hash);
            e.Property(v => v.Hash).HasMaxLength(64);
            e.Property(v => v.Record).HasColumnType("jsonb");
            e.Property(v => v.FirstSeenAt).HasDefaultValueSql("now()");
            e.HasIndex(v => v.HouseholdId);
        });

        modelBuilder.Entity<Household>(e =>
        {
            e.ToTable("households");
            e.HasKey(h => h.Id);
            e.Property(h => h.CurrentHash).HasMaxLength(64);
            e.HasIndex(h => h.VillageCode);
            e.HasIndex(h => new { h.CountyCode, h.HelperName });
            e.HasOne<HouseholdVersion>().WithMany().HasForeignKey(h => h.CurrentHash).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<EvaluationRun>(e =>
        {
            e.ToTable("evaluation_runs");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.Profile, r.AsOf });
            e.HasIndex(r => r.Status);
        });

        modelBuilder.Entity<StoredFinding>(e =>
        {
            e.ToTable("findings");
            e.HasKey(f => f.Id);
            e.Property(f => f.Finding).HasColumnType("json");
            e.Property(f => f.HouseholdHash).HasMaxLength(64);
            e.HasOne<EvaluationRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Restrict);
            // The household version is enforced on the finding's outcome row (household_outcomes), once per household.
            // Covers the id, so the findings an outcome replaces are found from the index alone (no random heap reads).
            e.HasIndex(f => new { f.RunId, f.HouseholdId, f.RuleId }).IsUnique().IncludeProperties(f => f.Id);
            e.HasIndex(f => new { f.HouseholdId, f.RuleId });
            e.HasIndex(f => f.VillageCode);
        });

        modelBuilder.Entity<FindingResolution>(e =>
        {
            e.ToTable("finding_resolutions");
            e.HasKey(r => r.FindingId);
            e.HasOne<StoredFinding>().WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EvaluationRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredOutcome>(e =>
        {
            e.ToTable("household_outcomes");
            e.HasKey(o => new { o.RunId, o.HouseholdId });
            e.Property(o => o.HouseholdHash).HasMaxLength(64);
            e.Property(o => o.OutcomeHash).HasMaxLength(64);
            e.HasOne<EvaluationRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<HouseholdVersion>().WithMany().HasForeignKey(o => o.HouseholdHash).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.Profile, o.HouseholdId, o.RunId });
            e.HasIndex(o => o.VillageCode);
        });

        modelBuilder.Entity<RunCount>(e =>
        {
            e.ToTable("run_counts");
            e.HasKey(c => new { c.RunId, c.Kind, c.Key });
            e.HasOne<EvaluationRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<HelperGroupState>(e =>
        {
            e.ToTable("helper_group_states");
            e.HasKey(g => new { g.Profile, g.CountyCode, g.HelperName });
        });

        modelBuilder.Entity<CaseLogEntry>(e =>
        {
            e.ToTable("case_log");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).UseIdentityAlwaysColumn();
            e.Property(c => c.Payload).HasColumnType("jsonb");
            e.Property(c => c.RecordedAt).HasDefaultValueSql("now()");
            e.Property(c => c.PreviousHash).HasMaxLength(64);
            e.Property(c => c.ResultingHash).HasMaxLength(64);
            e.HasOne<HouseholdVersion>().WithMany().HasForeignKey(c => c.ResultingHash).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.HouseholdId, c.Id });
        });

        modelBuilder.Entity<HouseholdEvaluationState>(e =>
        {
            e.ToTable("household_evaluation_states");
            e.HasKey(s => new { s.HouseholdId, s.Profile });
            e.Property(s => s.HouseholdHash).HasMaxLength(64);
            e.Property(s => s.OutcomeHash).HasMaxLength(64);
            e.HasIndex(s => new { s.Profile, s.NextChangeOn });
        });
    }
}
