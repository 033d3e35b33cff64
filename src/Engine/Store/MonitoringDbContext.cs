using Microsoft.EntityFrameworkCore;

namespace Monitoring.Engine.Store;

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

    public DbSet<StoredCandidate> Candidates => Set<StoredCandidate>();

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
            e.HasOne<HouseholdVersion>().WithMany().HasForeignKey(f => f.HouseholdHash).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => new { f.RunId, f.HouseholdId, f.RuleId }).IsUnique();
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

        modelBuilder.Entity<StoredCandidate>(e =>
        {
            e.ToTable("candidates");
            e.HasKey(c => new { c.RunId, c.HouseholdId });
            e.HasOne<EvaluationRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.VillageCode);
        });

        modelBuilder.Entity<HouseholdEvaluationState>(e =>
        {
            e.ToTable("household_evaluation_states");
            e.HasKey(s => new { s.HouseholdId, s.Profile });
            e.HasIndex(s => new { s.Profile, s.NextChangeOn });
        });
    }
}
