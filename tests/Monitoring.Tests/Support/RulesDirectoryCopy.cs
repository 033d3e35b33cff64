namespace Monitoring.Tests.Support;

/// <summary>A private copy of the repository's <c>rules/</c> directory for a test to edit, removed when disposed.</summary>
internal sealed class RulesDirectoryCopy : IDisposable
{
    public RulesDirectoryCopy()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(TestPaths.Rules, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monitoring-rules-" + Guid.NewGuid().ToString("N"));

    /// <summary>Replaces <paramref name="from"/>, which must occur, by <paramref name="to"/> in a file of the copy.</summary>
    public void Edit(string relative, string from, string to)
    {
        var path = System.IO.Path.Combine(Path, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
