namespace Monitoring.Engine.Output;

/// <summary>
/// Puts serialized findings in household id, then rule id order (ordinal) whatever the input order, with
/// bounded memory: beyond <c>memoryLimitBytes</c> sorted runs are spilled to temporary files and merged.
/// </summary>
public sealed class FindingSorter : IDisposable
{
    private readonly long _memoryLimitBytes;
    private readonly string _tempDirectory;
    private readonly List<(string Key, byte[] Json)> _buffer = [];
    private readonly List<string> _runs = [];
    private long _bufferedBytes;

    public FindingSorter(long memoryLimitBytes = 128L * 1024 * 1024, string? tempDirectory = null)
    {
        _memoryLimitBytes = memoryLimitBytes;
        _tempDirectory = tempDirectory ?? Path.GetTempPath();
    }

    public long Count { get; private set; }

    public int SpilledRuns => _runs.Count;

    public static string Key(string householdId, string ruleId) => householdId + "\0" + ruleId;

    public void Add(string key, byte[] json)
    {
        _buffer.Add((key, json));
        _bufferedBytes += json.Length + (key.Length * 2) + 48;
        Count++;
        if (_bufferedBytes >= _memoryLimitBytes)
        {
            Spill();
        }
    }

    /// <summary>Writes every finding, one JSON object per line, in order.</summary>
    public void WriteTo(Stream output)
    {
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

        Spill();
        Merge(output);
    }

    public void Dispose()
    {
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
        var path = Path.Combine(_tempDirectory, $"monitoring-findings-{Environment.ProcessId}-{Guid.NewGuid():N}.run");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var (key, json) in _buffer)
            {
                writer.Write(key);
                writer.Write(json.Length);
                writer.Write(json);
            }
        }

        _runs.Add(path);
        _buffer.Clear();
        _bufferedBytes = 0;
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
