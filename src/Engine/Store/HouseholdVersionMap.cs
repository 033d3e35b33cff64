using Monitoring.Engine.Evaluation;

namespace Monitoring.Engine.Store;

/// <summary>
/// Which stored version (SHA-256) each household of a run was read at, kept compactly: the ids in a
/// <see cref="HouseholdIdSet"/>, the 32-byte hashes in one array indexed by entry number.
/// </summary>
public sealed class HouseholdVersionMap
{
    private readonly HouseholdIdSet _ids = new();
    private byte[] _hashes = new byte[32 * 1024];

    public void Add(string householdId, string hashHex)
    {
        var entry = _ids.Add(householdId, _ids.Count + 1, out _);
        if (entry < 0)
        {
            throw new InvalidDataException($"户编码 {householdId} 在同一批次中出现两次");
        }

        if ((entry + 1) * 32 > _hashes.Length)
        {
            Array.Resize(ref _hashes, _hashes.Length * 2);
        }

        Convert.FromHexString(hashHex, _hashes.AsSpan(entry * 32, 32), out _, out _);
    }

    public string HashOf(string householdId)
    {
        var entry = _ids.EntryOf(householdId);
        return entry < 0
            ? throw new InvalidDataException($"户编码 {householdId} 不在本批次读取的数据中")
            : Convert.ToHexStringLower(_hashes.AsSpan(entry * 32, 32));
    }
}
