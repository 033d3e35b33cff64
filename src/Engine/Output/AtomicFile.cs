namespace Monitoring.Engine.Output;

/// <summary>
/// An output file that appears only when complete: written to a temporary name in the same directory
/// (<c>name.monitoring-PID-RANDOM.tmp</c>) and renamed over the final path by <see cref="Commit"/>. Disposed without a
/// commit (an error), the temporary file is deleted; left behind by a killed process, it is removed by the next
/// <see cref="Create"/> in that directory (<see cref="TemporaryFiles"/>).
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private const string Marker = ".monitoring-";
    private const string Suffix = ".tmp";

    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    private AtomicFile(string path, string temporaryPath, FileStream stream)
    {
        FinalPath = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>Where the file appears on <see cref="Commit"/>.</summary>
    public string FinalPath { get; }

    /// <summary>Where it is written until then.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the content to.</summary>
    public Stream Stream => _stream;

    /// <summary>Starts writing <paramref name="path"/>; removes what killed processes left in its directory first.</summary>
    public static AtomicFile Create(string path, int bufferSize = 1 << 16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        TemporaryFiles.RemoveStale(directory, "*" + Marker + "*" + Suffix, PidOf);
        var temporary = $"{full}{Marker}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}{Suffix}";
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
        return new AtomicFile(full, temporary, stream);
    }

    /// <summary>Flushes the content to disk and renames it to the final path (replacing a file there).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        if (!_committed)
        {
            TemporaryFiles.TryDelete(TemporaryPath);
        }
    }

    /// <summary>The process id in a temporary name this class made, or null.</summary>
    private static int? PidOf(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.LastIndexOf(Marker, StringComparison.Ordinal);
        if (marker < 0 || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name.AsSpan(marker + Marker.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
