using System.Text;
using Monitoring.Engine.Output;

namespace Monitoring.Worker.Cli;

/// <summary>
/// Where a verb writes its result: standard output (<c>-</c>) or a file that appears only when complete (written under a
/// temporary name in the same directory and renamed by <see cref="Commit"/>; an error or a kill leaves no file at the
/// path). Text written through <see cref="Text"/> has resident ID numbers masked and control characters escaped.
/// </summary>
public sealed class OutputTarget : IDisposable
{
    private readonly AtomicFile? _file;
    private readonly Stream _stream;
    private TextWriter? _text;

    private OutputTarget(string path, AtomicFile? file, Stream stream)
    {
        Path = path;
        _file = file;
        _stream = stream;
    }

    /// <summary>The path as given (<c>-</c> for standard output).</summary>
    public string Path { get; }

    public bool IsStandardOutput => _file is null;

    /// <summary>The bytes of the output (JSON Lines, a workbook).</summary>
    public Stream Stream => _stream;

    /// <summary><c>-</c>: standard output; otherwise a new file (its directory must exist).</summary>
    public static OutputTarget Open(string path)
    {
        if (path == "-")
        {
            return new OutputTarget(path, null, new BufferedStream(Console.OpenStandardOutput(), 1 << 16));
        }

        try
        {
            var file = AtomicFile.Create(path);
            return new OutputTarget(path, file, file.Stream);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or UnauthorizedAccessException or PathTooLongException or NotSupportedException)
        {
            throw new UserErrorException($"无法写入输出文件 {path}：{ex.Message}");
        }
    }

    /// <summary>The output as text (UTF-8, LF): numbers masked, control characters escaped.</summary>
    public TextWriter Text()
    {
        if (_text is not null)
        {
            return _text;
        }

        if (IsStandardOutput)
        {
            _stream.Flush();
            _text = Console.Out;
        }
        else
        {
            _text = new SafeTextWriter(new StreamWriter(_stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" });
        }

        return _text;
    }

    /// <summary>Everything written: flushes it and, for a file, puts it at its path.</summary>
    public void Commit()
    {
        if (_text is SafeTextWriter own)
        {
            own.Dispose();
        }
        else
        {
            _text?.Flush();
        }

        _text = null;
        _stream.Flush();
        _file?.Commit();
    }

    public void Dispose()
    {
        if (_file is null)
        {
            _stream.Flush();
            _stream.Dispose();
        }
        else
        {
            _file.Dispose();
        }
    }
}
