using System.Text;

namespace Monitoring.Engine.Output;

/// <summary>
/// A text writer for output people read (the terminal, text files, HTML): every resident ID number is masked
/// (<see cref="ResidentIdMasking"/>) and, with <c>escapeControls</c>, every control character escaped
/// (<see cref="TerminalText"/>). Text is passed on a line at a time, so a number split over several writes is still
/// masked; <see cref="Flush"/> passes on an unfinished line.
/// </summary>
public sealed class SafeTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly bool _escapeControls;
    private readonly bool _leaveOpen;
    private readonly StringBuilder _pending = new();

    public SafeTextWriter(TextWriter inner, bool escapeControls = true, bool leaveOpen = false)
        : base(inner?.FormatProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _escapeControls = escapeControls;
        _leaveOpen = leaveOpen;
        NewLine = inner.NewLine;
    }

    /// <summary>The writer this one passes the cleaned text to.</summary>
    public TextWriter Inner => _inner;

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>The text as it is written out: numbers masked and, if asked for, controls escaped.</summary>
    public static string Clean(string text, bool escapeControls = true)
    {
        var masked = ResidentIdMasking.Apply(text);
        return escapeControls ? TerminalText.Escape(masked) : masked;
    }

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
        {
            EmitCompleteLines();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        _pending.Append(value);
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            EmitCompleteLines();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new ReadOnlySpan<char>(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _pending.Append(buffer);
        if (buffer.Contains('\n'))
        {
            EmitCompleteLines();
        }
    }

    public override void WriteLine(string? value)
    {
        _pending.Append(value).Append(CoreNewLine);
        EmitCompleteLines();
    }

    public override void WriteLine()
    {
        _pending.Append(CoreNewLine);
        EmitCompleteLines();
    }

    public override void Flush()
    {
        EmitAll();
        _inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EmitAll();
            if (_leaveOpen)
            {
                _inner.Flush();
            }
            else
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void EmitCompleteLines()
    {
        var last = -1;
        for (var i = _pending.Length - 1; i >= 0; i--)
        {
            if (_pending[i] == '\n')
            {
                last = i;
                break;
            }
        }

        if (last < 0)
        {
            return;
        }

        var text = _pending.ToString(0, last + 1);
        _pending.Remove(0, last + 1);
        _inner.Write(Clean(text, _escapeControls));
    }

    private void EmitAll()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        var text = _pending.ToString();
        _pending.Clear();
        _inner.Write(Clean(text, _escapeControls));
    }
}
