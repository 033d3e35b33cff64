using System.Collections;
using System.Globalization;
using Monitoring.Engine.Output;

namespace Monitoring.Store.Logging;

/// <summary>A log entry's message and structured values with resident ID numbers masked.</summary>
internal sealed class MaskedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    private MaskedLogState(string message, KeyValuePair<string, object?>[] values)
    {
        Message = message;
        _values = values;
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static MaskedLogState From<TState>(TState state, string message)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == "{OriginalFormat}" ? p.Value : Mask(p.Value))).ToArray()
            : [];
        return new MaskedLogState(ResidentIdMasking.Apply(message), values);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    /// <summary>Numbers, dates and booleans as they are; anything else as its masked text.</summary>
    private static object? Mask(object? value) => value switch
    {
        null => null,
        string s => ResidentIdMasking.Apply(s),
        bool or DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid => value,
        IFormattable when value.GetType().IsPrimitive || value is decimal => value,
        _ => ResidentIdMasking.Apply(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
