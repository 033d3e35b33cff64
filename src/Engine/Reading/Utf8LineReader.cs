namespace Monitoring.Engine.Reading;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding them, so JSON can be parsed straight from the bytes.
/// Handles a leading byte-order mark and CRLF line ends. A line longer than <see cref="MaxLineBytes"/> is returned
/// cut to <see cref="MaxLineBytes"/> + 1 bytes (the rest is skipped, so memory stays bounded) for the parser to reject
/// with its line number.
/// </summary>
public sealed class Utf8LineReader
{
    /// <summary>The longest line read (1 MiB, line end excluded); documented with the household format in README.</summary>
    public const int MaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public Utf8LineReader(Stream stream) => _stream = stream;

    /// <summary>True for a line of nothing but spaces, tabs or carriage returns (skipped by every reader).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every line of the stream, in order.</summary>
    public IEnumerable<byte[]> ReadLines()
    {
        while (ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The next line (without its line end), or null at the end of the stream.</summary>
    public byte[]? ReadLine()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Take(_start, newline);
                _start = newline + 1;
                return line;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }

                var last = Take(_start, _end);
                _start = _end;
                return last;
            }

            if (_end - _start > MaxLineBytes + 1)
            {
                return TakeOverlong();
            }

            Fill();
        }
    }

    /// <summary>The first <see cref="MaxLineBytes"/> + 1 bytes of an over-long line; the rest of it is read and dropped.</summary>
    private byte[] TakeOverlong()
    {
        var head = _buffer.AsSpan(_start, MaxLineBytes + 1).ToArray();
        _first = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                _start = newline + 1;
                return head;
            }

            _start = _end;
            if (_eof)
            {
                return head;
            }

            Fill();
        }
    }

    private byte[] Take(int from, int to)
    {
        if (to > from && _buffer[to - 1] == (byte)'\r')
        {
            to--;
        }

        if (_first)
        {
            _first = false;
            if (to - from >= 3 && _buffer[from] == 0xEF && _buffer[from + 1] == 0xBB && _buffer[from + 2] == 0xBF)
            {
                from += 3;
            }
        }

        return _buffer.AsSpan(from, to - from).ToArray();
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
