using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Engine.Importing;
using Monitoring.Store.Cases;
using Monitoring.Store.Importing;
using Monitoring.Tests.Support;
using static Monitoring.Tests.Cases.CaseRecords;

namespace Monitoring.Tests.Store;

/// <summary>Imports and case commands on the same households at the same time: no write is lost, no deadlock surfaces, counts are true.</summary>
public sealed class ImportConcurrencyTests : IClassFixture<PostgresFixture>
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private readonly PostgresFixture _db;

    public ImportConcurrencyTests(PostgresFixture db) => _db = db.Migrated();

    private static string Id(string prefix, int n) => $"610728-{prefix}{n:D4}";

    private static MemoryStream File(IEnumerable<JsonObject> households) =>
        new(Encoding.UTF8.GetBytes(string.Join('\n', households.Select(SampleHousehold.Line))));

    private static JsonObject Household(string id, decimal wage, params string[] visits)
    {
        var household = SampleHousehold.Create(id);
        household["incomes"]![0]!["wage"] = wage;
        if (visits.Length > 0)
        {
            household["visits"] = new JsonArray([.. visits.Select(v => (JsonNode)v)]);
        }

        return household;
    }

    private ImportResult Import(IEnumerable<JsonObject> households, ImportSource source) =>
        new HouseholdImporter(_db.DataSource).ImportJsonLines(File(households), AsOf, source, p => throw new InvalidOperationException(p.ToString()));

    private long Count(string sql) => Sql.Count(_db.ConnectionString, sql);

    /// <summary>Per household of the prefix, the change log's chain previous → new is unbroken and ends at the version in force.</summary>
    private void AssertChainsUnbroken(string prefix)
    {
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (
                SELECT household_id, previous_hash, lag(new_hash) OVER (PARTITION BY household_id ORDER BY id) AS before
                FROM household_changes WHERE household_id LIKE '610728-{prefix}%') c
            WHERE previous_hash IS DISTINCT FROM before
            """));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM households h WHERE h.id LIKE '610728-{prefix}%'
              AND h.current_hash IS DISTINCT FROM (SELECT new_hash FROM household_changes c WHERE c.household_id = h.id ORDER BY id DESC LIMIT 1)
            """));
    }

    [Fact]
    public void An_import_running_while_case_commands_are_recorded_loses_no_case_entry_and_the_logs_agree_with_the_versions()
    {
        const int households = 120;
        var ids = Enumerable.Range(0, households).Select(n => Id("CC", n)).ToList();
        Assert.True(Import(ids.Select(id => Household(id, 18000)), ImportSource.Unnamed).Committed);

        var failures = new ConcurrentQueue<Exception>();
        var results = new ConcurrentQueue<ImportResult>();
        using var start = new Barrier(4);
        void Guard(Action work)
        {
            try
            {
                start.SignalAndWait();
                work();
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        }

        var importer = new Thread(() => Guard(() =>
        {
            // The county's file again and again (JSON Lines replace, the default), each time with a new wage.
            for (var round = 1; round <= 5; round++)
            {
                results.Enqueue(Import(ids.Select(id => Household(id, 18000 + round, "2021-07-10", "2021-10-10")), ImportSource.Unnamed));
            }
        }));
        var recorders = Enumerable.Range(0, 3).Select(worker => new Thread(() => Guard(() =>
        {
            var service = new CaseService(SharedCatalog.Instance, _db.DataSource, null);
            foreach (var id in ids.Where((_, i) => i % 3 == worker))
            {
                service.Execute(id, Open("2021-09-01"), "王五", "test", D("2021-09-01"));
                service.Execute(id, Simple("visit", "2021-11-05"), "王五", "test", D("2021-11-05"));
            }
        }))).ToList();
        Thread[] threads = [importer, .. recorders];
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
        Assert.Equal(2 * households, Count("SELECT count(*) FROM case_log WHERE household_id LIKE '610728-CC%'"));
        // Every case entry is in the version in force.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM case_log c JOIN households h ON h.id = c.household_id JOIN household_versions v ON v.hash = h.current_hash
            WHERE c.household_id LIKE '610728-CC%' AND (
                (c.command = 'open' AND v.record->'case'->>'openedOn' IS DISTINCT FROM c.payload->>'date')
             OR (c.command = 'visit' AND NOT coalesce(v.record->'visits' ? (c.payload->>'date'), false)))
            """));
        // The last import's wage is in force everywhere, and every import counted true.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM households h JOIN household_versions v ON v.hash = h.current_hash
            WHERE h.id LIKE '610728-CC%' AND (v.record->'incomes'->0->>'wage')::numeric <> 18005
            """));
        Assert.All(results, r => Assert.Equal((households, 0L, households, 0L), (r.Read, r.Inserted, r.Updated, r.Unchanged)));
        // Each case entry has its change row, and the change log's chain per household is unbroken.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM case_log l WHERE l.household_id LIKE '610728-CC%' AND NOT EXISTS (
                SELECT 1 FROM household_changes c WHERE c.source = 'case' AND (c.details->>'caseLogId')::bigint = l.id
                  AND c.previous_hash = l.previous_hash AND c.new_hash = l.resulting_hash)
            """));
        Assert.Equal(households * 2 + households * 6, Count("SELECT count(*) FROM household_changes WHERE household_id LIKE '610728-CC%'"));
        AssertChainsUnbroken("CC");
    }

    [Fact]
    public async Task Two_overlapping_imports_neither_deadlock_nor_lose_a_write_and_their_counts_add_up()
    {
        for (var round = 0; round < 3; round++)
        {
            var prefix = $"T{round}";
            // Stored: 0–99. X: 0–149 (50 new). Y: 50–199 (100–149 new in both files, 150–199 new in Y only).
            Assert.True(Import(Enumerable.Range(0, 100).Select(n => Household(Id(prefix, n), 18000)), ImportSource.Unnamed).Committed);
            var merge = ImportSource.Unnamed with { Mode = ImportMode.Merge };
            var x = Enumerable.Range(0, 150).Select(n => Household(Id(prefix, n), 18000, "2021-07-10", "2021-10-10", "2021-12-01")).ToList();
            var y = Enumerable.Range(50, 150).Select(n => Household(Id(prefix, n), 18000, "2021-07-10", "2021-10-10", "2021-12-02")).ToList();
            var retries = new ConcurrentQueue<string>();
            using var start = new Barrier(2);
            ImportResult Run(List<JsonObject> file)
            {
                start.SignalAndWait();
                return Import(file, merge with { OnRetry = retries.Enqueue });
            }

            var tx = Task.Factory.StartNew(() => Run(x), TaskCreationOptions.LongRunning);
            var ty = Task.Factory.StartNew(() => Run(y), TaskCreationOptions.LongRunning);
            var (rx, ry) = (await tx, await ty);

            Assert.Equal(100, rx.Inserted + ry.Inserted);
            Assert.Equal(rx.Read, rx.Inserted + rx.Updated + rx.Unchanged);
            Assert.Equal(ry.Read, ry.Inserted + ry.Updated + ry.Unchanged);
            Assert.Equal(200, Count($"SELECT count(*) FROM households WHERE id LIKE '610728-{prefix}%'"));
            // Every write is in force: both files' visits where both files had the household.
            Assert.Equal(0, Count($"""
                SELECT count(*) FROM households h JOIN household_versions v ON v.hash = h.current_hash
                WHERE h.id LIKE '610728-{prefix}%' AND (
                    (right(h.id, 4)::int < 150 AND NOT v.record->'visits' ? '2021-12-01')
                 OR (right(h.id, 4)::int >= 50 AND NOT v.record->'visits' ? '2021-12-02'))
                """));
            Assert.Equal(100 + rx.Inserted + rx.Updated + ry.Inserted + ry.Updated,
                Count($"SELECT count(*) FROM household_changes WHERE household_id LIKE '610728-{prefix}%'"));
            AssertChainsUnbroken(prefix);
        }
    }
}
