using System.Text;

namespace Monitoring.Engine.Evaluation;

/// <summary>
/// The household ids of one run, kept compactly (UTF-8 bytes in pages, an open-addressing table of entry
/// numbers) so that a million ids cost a few tens of megabytes rather than a dictionary of strings. Each id
/// gets an entry number and remembers the input line it came from.
/// </summary>
public sealed class HouseholdIdSet
{
    private const int PageSize = 1 << 20;

    private readonly List<byte[]> _pages = [];
    private readonly List<long> _starts = [];
    private readonly List<int> _lengths = [];
    private readonly List<long> _lines = [];
    private int[] _table = new int[1 << 16];
    private int _pageUsed = PageSize;

    public int Count => _starts.Count;

    /// <summary>Adds an id first seen on <paramref name="line"/>; returns its entry number, or -1 with the earlier line when already present.</summary>
    public int Add(string id, long line, out long firstLine)
    {
        var bytes = Encoding.UTF8.GetBytes(id);
        var hash = Hash(bytes);
        var mask = _table.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (_table[slot] != 0)
        {
            var entry = _table[slot] - 1;
            if (EqualsEntry(entry, bytes))
            {
                firstLine = _lines[entry];
                return -1;
            }

            slot = (slot + 1) & mask;
        }

        var number = Store(bytes);
        _lines.Add(line);
        _table[slot] = number + 1;
        if (Count * 2 > _table.Length)
        {
            Grow();
        }

        firstLine = line;
        return number;
    }

    /// <summary>The entry number of an id already added, or -1.</summary>
    public int EntryOf(string id)
    {
        var bytes = Encoding.UTF8.GetBytes(id);
        var mask = _table.Length - 1;
        for (var slot = (int)(Hash(bytes) & (uint)mask); _table[slot] != 0; slot = (slot + 1) & mask)
        {
            if (EqualsEntry(_table[slot] - 1, bytes))
            {
                return _table[slot] - 1;
            }
        }

        return -1;
    }

    /// <summary>The id of an entry number.</summary>
    public string IdOf(int entry)
    {
        var (page, offset) = Locate(_starts[entry]);
        return Encoding.UTF8.GetString(_pages[page], offset, _lengths[entry]);
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private int Store(byte[] bytes)
    {
        if (_pageUsed + bytes.Length > PageSize)
        {
            _pages.Add(new byte[Math.Max(PageSize, bytes.Length)]);
            _pageUsed = 0;
        }

        var start = ((long)(_pages.Count - 1) * PageSize) + _pageUsed;
        bytes.CopyTo(_pages[^1], _pageUsed);
        _pageUsed += bytes.Length;
        _starts.Add(start);
        _lengths.Add(bytes.Length);
        return _starts.Count - 1;
    }

    private static (int Page, int Offset) Locate(long start) => ((int)(start / PageSize), (int)(start % PageSize));

    private bool EqualsEntry(int entry, ReadOnlySpan<byte> bytes)
    {
        if (_lengths[entry] != bytes.Length)
        {
            return false;
        }

        var (page, offset) = Locate(_starts[entry]);
        return _pages[page].AsSpan(offset, bytes.Length).SequenceEqual(bytes);
    }

    private void Grow()
    {
        var table = new int[_table.Length * 2];
        var mask = table.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var (page, offset) = Locate(_starts[entry]);
            var slot = (int)(Hash(_pages[page].AsSpan(offset, _lengths[entry])) & (uint)mask);
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = entry + 1;
        }

        _table = table;
    }
}
