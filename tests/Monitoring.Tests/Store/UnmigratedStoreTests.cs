using Monitoring.Tests.Support;

namespace Monitoring.Tests.Store;

/// <summary>Store verbs against a database without the schema say so in one line instead of a database error.</summary>
public sealed class UnmigratedStoreTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public UnmigratedStoreTests(PostgresFixture db) => _db = db;

    [Theory]
    [InlineData("export-findings")]
    [InlineData("run-nightly", "--as-of", "2022-06-30")]
    [InlineData("due", "--as-of", "2022-06-30")]
    [InlineData("case", "show", "--household", "h-1", "--as-of", "2022-06-30")]
    public void A_database_without_the_schema_asks_for_migrate(params string[] verb)
    {
        var (code, _, stderr) = CliProcess.Run([.. verb, "--connection", _db.ConnectionString]);
        Assert.Equal(1, code);
        Assert.Contains("请先运行 monitoring migrate", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_into_a_database_without_the_schema_asks_for_migrate()
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, SampleHousehold.Line(SampleHousehold.Create()) + "\n");
            var (code, _, stderr) = CliProcess.Run("import", "--input", input, "--as-of", "2022-06-30", "--connection", _db.ConnectionString);
            Assert.Equal(1, code);
            Assert.Contains("请先运行 monitoring migrate", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
