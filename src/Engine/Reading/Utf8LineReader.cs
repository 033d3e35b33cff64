namespace Monitoring.Engine.Reading;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding them, so JSON can be parsed straight from the bytes.
/// Handles a leading byte-order mark and CRLF line ends.
/// </summary>
public sealed class Utf8LineReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public Utf8LineReader(Stream stream) => _stream = stream;

    /// <summary>The next line (without its line end), or null at the end of the stream.</summary>
    public async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
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

            await FillAsync(cancellationToken).ConfigureAwait(false);
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

    private async ValueTask FillAsync(CancellationToken cancellationToken)
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

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
