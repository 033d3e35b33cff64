using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Engine.Store;

/// <summary>Small helpers for binary COPY rows.</summary>
internal static class BinaryCopy
{
    public static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
