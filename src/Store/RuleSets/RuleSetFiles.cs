using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Store.RuleSets;

/// <summary>
/// The files that make a rule set: every file under <c>workflows/</c>, <c>parameters/</c>, <c>profiles/</c> and
/// <c>calendars/</c> of a rules directory (what <see cref="Monitoring.Rules.Loading.RuleCatalogLoader"/> reads), by
/// relative path with '/' separators, and their content address: SHA-256 over every path and its bytes in ordinal order.
/// </summary>
public sealed class RuleSetFiles
{
    /// <summary>The folders of a rules directory that the catalogue is loaded from (rule cases under <c>tests/</c> are not part of it).</summary>
    public static readonly IReadOnlyList<string> Folders = ["calendars", "parameters", "profiles", "workflows"];

    private RuleSetFiles(SortedDictionary<string, byte[]> files)
    {
        Files = files;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, content) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            hash.AppendData([0]);
            hash.AppendData(content);
        }

        Hash = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>The content address (64 hex digits).</summary>
    public string Hash { get; }

    public static RuleSetFiles Read(string rulesDirectory)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            var root = Path.Combine(rulesDirectory, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(rulesDirectory, path).Replace('\\', '/')] = File.ReadAllBytes(path);
            }
        }

        return new RuleSetFiles(files);
    }

    public static RuleSetFiles FromStored(IEnumerable<(string Path, byte[] Content)> files)
    {
        var sorted = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            sorted[path] = content;
        }

        return new RuleSetFiles(sorted);
    }

    /// <summary>Writes the files under a new temporary directory and returns it (the caller deletes it).</summary>
    public DirectoryInfo WriteToTemporaryDirectory()
    {
        var directory = Directory.CreateTempSubdirectory(Monitoring.Engine.Output.TemporaryFiles.Prefix("rules"));
        foreach (var (path, content) in Files)
        {
            if (path.Split('/').Any(part => part is "" or "." or ".."))
            {
                throw new InvalidDataException($"规则集存档中的文件路径无效：{path}");
            }

            var target = Path.Combine(directory.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        return directory;
    }
}
