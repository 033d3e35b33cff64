using Monitoring.Engine.Evaluation;
using Monitoring.Rules.Catalog;
using Monitoring.Rules.Loading;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Store.RuleSets;

/// <summary>
/// Keeps every distinct rule set a run used, once, content-addressed (<see cref="RuleSetFiles.Hash"/> → the files'
/// bytes), and loads a stored one back into a catalogue for replay.
/// </summary>
public sealed class RuleSetArchive
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    public RuleSetArchive(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
    }

    /// <summary>
    /// Reads the files of the rule set's directory and checks them against the rules in memory, so a file edited after
    /// the program loaded its rules is never archived as what a run used: when a completed run of the profile used the
    /// same content, its rules version must be this one (it was checked then); otherwise the content is loaded once (per
    /// process) and must give this rules version.
    /// </summary>
    public RuleSetFiles Prepare(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var directory = ruleSet.SourceDirectory ?? throw new InvalidOperationException("规则集没有来源目录，无法存档");
        var files = RuleSetFiles.Read(directory);
        var rulesVersion = RuleVersions.ForRuleSet(ruleSet);
        string? version;
        using (var connection = _dataSource.OpenConnection())
        using (var stored = new NpgsqlCommand("""
            SELECT rules_version FROM evaluation_runs WHERE rule_set_hash = @hash AND profile = @profile AND status = 'completed' LIMIT 1
            """, connection))
        {
            stored.Parameters.AddWithValue("hash", files.Hash);
            stored.Parameters.AddWithValue("profile", ruleSet.Profile.Id);
            version = stored.ExecuteScalar() as string;
        }

        var key = (files.Hash, ruleSet.Profile.Id);
        if (version is null && !Verified.TryGetValue(key, out version))
        {
            version = RuleVersions.ForRuleSet(Load(files).ForProfile(ruleSet.Profile.Id));
            Verified[key] = version;
        }

        return version == rulesVersion
            ? files
            : throw new InvalidOperationException($"规则目录 {directory} 中的文件在程序载入规则后已被修改，本批次未执行：请重新启动程序");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Hash, string Profile), string> Verified = new();

    /// <summary>
    /// Stores the files unless that content is stored already, inside the caller's transaction (a run's: the rule set
    /// is kept with the first run that completes with it).
    /// </summary>
    /// <param name="rulesVersion">The rules version of the profile of the run that stores it (a content serves every profile; each run records its own).</param>
    public void Save(NpgsqlConnection connection, RuleSetFiles files, string rulesVersion)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(files);
        using (var insert = new NpgsqlCommand("""
            INSERT INTO rule_sets (hash, rules_version, file_count, stored_at) VALUES (@hash, @version, @count, @at)
            ON CONFLICT (hash) DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue("hash", files.Hash);
            insert.Parameters.AddWithValue("version", rulesVersion);
            insert.Parameters.AddWithValue("count", files.Files.Count);
            insert.Parameters.AddWithValue("at", _clock.GetUtcNow());
            if (insert.ExecuteNonQuery() == 0)
            {
                return;
            }
        }

        using var copy = connection.BeginBinaryImport("COPY rule_set_files (rule_set_hash, path, content) FROM STDIN (FORMAT BINARY)");
        foreach (var (path, content) in files.Files)
        {
            copy.StartRow();
            copy.Write(files.Hash, NpgsqlDbType.Text);
            copy.Write(path, NpgsqlDbType.Text);
            copy.Write(content, NpgsqlDbType.Bytea);
        }

        copy.Complete();
    }

    /// <summary>The stored files of a rule set, or null when no rule set has that hash.</summary>
    public RuleSetFiles? Files(string hash)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT path, content FROM rule_set_files WHERE rule_set_hash = @hash", connection);
        command.Parameters.AddWithValue("hash", hash);
        using var reader = command.ExecuteReader();
        var files = new List<(string, byte[])>();
        while (reader.Read())
        {
            files.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        if (files.Count == 0)
        {
            return null;
        }

        var stored = RuleSetFiles.FromStored(files);
        return stored.Hash == hash ? stored : throw new InvalidDataException($"规则集存档 {hash} 的文件与其哈希不符");
    }

    /// <summary>The catalogue as the stored rule set defines it.</summary>
    public RuleCatalog LoadCatalog(string hash) =>
        Load(Files(hash) ?? throw new InvalidDataException($"数据库中没有规则集 {hash}"));

    /// <summary>Loads a catalogue from files held in memory, through a temporary directory that is removed afterwards.</summary>
    public static RuleCatalog Load(RuleSetFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var directory = files.WriteToTemporaryDirectory();
        try
        {
            return RuleCatalogLoader.LoadStored(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
