
namespace Monitoring.Engine.Formats;

/// <summary>
/// Puts serialized findings in household id, then rule id order (ordinal) whatever the input order, with
/// bounded memory. While findings arrive in order (an input sorted by household id) they are appended to a
/// temporary run as they come; findings out of order are buffered, sorted and spilled to further runs beyond
/// <c>memoryLimitBytes</c>; all runs are merged at the end.
/// </summary>
public sealed class FindingSorter : IDisposable
{
    private readonly long _memoryLimitBytes;
    private readonly string _tempDirectory;
    private readonly List<(string Key, byte[] Json)> _buffer = [];
    private readonly List<string> _runs = [];
    private long _bufferedBytes;
    private BinaryWriter? _streamingRun;
    private string? _lastStreamedKey;
    private bool _streaming = true;

    public FindingSorter(long memoryLimitBytes = 64L * 1024 * 1024, string? tempDirectory = null)
    {
        _memoryLimitBytes = memoryLimitBytes;
        _tempDirectory = tempDirectory ?? Path.GetTempPath();
    }

    public long Count { get; private set; }

    public static string Key(string householdId, string ruleId) => householdId + "\0" + ruleId;

    /// <summary>An area finding's key: before every household's (a NUL first), then by county, list and rule.</summary>
    public static string AreaKey(string countyCode, string listId, string ruleId) => "\0" + countyCode + "\0" + listId + "\0" + ruleId;

    public void Add(string key, byte[] json)
    {
        Count++;
        if (_streaming && (_lastStreamedKey is null || string.CompareOrdinal(key, _lastStreamedKey) > 0))
        {
            _streamingRun ??= new BinaryWriter(NewRun());
            _streamingRun.Write(key);
            _streamingRun.Write(json.Length);
            _streamingRun.Write(json);
            _lastStreamedKey = key;
            return;
        }

        _streaming = false;
        _buffer.Add((key, json));
        _bufferedBytes += json.Length + (key.Length * 2) + 48;
        if (_bufferedBytes >= _memoryLimitBytes)
        {
            Spill();
        }
    }

    /// <summary>Writes every finding, one JSON object per line, in order.</summary>
    public void WriteTo(Stream output)
    {
        CloseStreamingRun();
        if (_runs.Count == 0)
        {
            _buffer.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (_, json) in _buffer)
            {
                output.Write(json);
                output.WriteByte((byte)'\n');
            }

            _buffer.Clear();
            return;
        }

        if (_runs.Count == 1 && _buffer.Count * 48L < _memoryLimitBytes)
        {
            MergeOneRunWithBuffer(output);
            return;
        }

        Spill();
        Merge(output);
    }

    /// <summary>The common case: one ordered run (an input sorted by id) and a few findings out of order (helper load) in memory.</summary>
    private void MergeOneRunWithBuffer(Stream output)
    {
        _buffer.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        using var reader = new BinaryReader(new FileStream(_runs[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20));
        var next = 0;
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var key = reader.ReadString();
            var json = reader.ReadBytes(reader.ReadInt32());
            while (next < _buffer.Count && string.CompareOrdinal(_buffer[next].Key, key) < 0)
            {
                WriteLine(output, _buffer[next++].Json);
            }

            WriteLine(output, json);
        }

        while (next < _buffer.Count)
        {
            WriteLine(output, _buffer[next++].Json);
        }

        _buffer.Clear();
    }

    private static void WriteLine(Stream output, byte[] json)
    {
        output.Write(json);
        output.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        CloseStreamingRun();
        foreach (var run in _runs)
        {
            try
            {
                File.Delete(run);
            }
            catch (IOException)
            {
                // A temporary file that cannot be removed is left for the system to clean.
            }
        }

        _runs.Clear();
    }

    private void Spill()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        _buffer.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        using (var writer = new BinaryWriter(NewRun()))
        {
            foreach (var (key, json) in _buffer)
            {
                writer.Write(key);
                writer.Write(json.Length);
                writer.Write(json);
            }
        }

        _buffer.Clear();
        _bufferedBytes = 0;
    }

    private FileStream NewRun()
    {
        var path = Path.Combine(_tempDirectory, $"{Monitoring.Engine.Output.TemporaryFiles.Prefix("findings")}{Guid.NewGuid():N}.run");
        _runs.Add(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    private void CloseStreamingRun()
    {
        _streaming = false;
        _streamingRun?.Dispose();
        _streamingRun = null;
    }

    private void Merge(Stream output)
    {
        var readers = _runs.Select(r => new BinaryReader(new FileStream(r, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))).ToList();
        try
        {
            var queue = new PriorityQueue<(int Run, byte[] Json), string>(StringComparer.Ordinal);
            for (var i = 0; i < readers.Count; i++)
            {
                Enqueue(queue, readers[i], i);
            }

            while (queue.TryDequeue(out var item, out _))
            {
                output.Write(item.Json);
                output.WriteByte((byte)'\n');
                Enqueue(queue, readers[item.Run], item.Run);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static void Enqueue(PriorityQueue<(int Run, byte[] Json), string> queue, BinaryReader reader, int run)
    {
        if (reader.BaseStream.Position >= reader.BaseStream.Length)
        {
            return;
        }

        var key = reader.ReadString();
        var length = reader.ReadInt32();
        queue.Enqueue((run, reader.ReadBytes(length)), key);
    }
}
