namespace Monitoring.Rules.Parameters;

/// <summary>
/// The parameters a rule expression reads (<c>p</c> in expressions). One instance per evaluating thread:
/// it resolves values for the current household's region at the evaluation date and records which
/// dated values the current rule read, so each finding can name exactly the parameters in force.
/// </summary>
public sealed class ParameterScope
{
    private readonly ParameterTable _table;
    private readonly Dictionary<string, CountyValues> _byCounty = new(StringComparer.Ordinal);
    private readonly List<ResolvedParameter> _read = [];
    private CountyValues _current;

    public ParameterScope(ParameterTable table, DateOnly asOf)
    {
        _table = table;
        AsOf = asOf;
        _current = new CountyValues("");
    }

    public DateOnly AsOf { get; }

    /// <summary>The parameters read since the last <see cref="BeginRule"/>, in reading order, without repeats.</summary>
    public IReadOnlyList<ResolvedParameter> Read => _read;

    public void BeginHousehold(string countyCode)
    {
        if (_current.CountyCode == countyCode)
        {
            return;
        }

        if (!_byCounty.TryGetValue(countyCode, out var values))
        {
            values = new CountyValues(countyCode);
            _byCounty[countyCode] = values;
        }

        _current = values;
    }

    public void BeginRule() => _read.Clear();

    /// <summary>A money, ratio or count parameter in force at the evaluation date.</summary>
    public decimal Dec(string name) => Resolve(name, 0).Number!.Value;

    /// <summary>A whole-number parameter (days, months, counts) in force at the evaluation date.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Short accessor names keep rule expressions readable: p.Int(\"eventWindowDays\").")]
    public int Int(string name) => (int)Resolve(name, 0).Number!.Value;

    /// <summary>A text parameter (step orders, visit cycles) in force at the evaluation date.</summary>
    public string Text(string name) => Resolve(name, 0).RawValue;

    /// <summary>A year-indexed parameter (the monitoring line) in force for <paramref name="year"/>.</summary>
    public decimal ForYear(string name, int year) => Resolve(name, year).Number!.Value;

    /// <summary>Records a parameter as in force for the current rule without using it in a condition (for the finding's record).</summary>
    public void Touch(string name) => Resolve(name, 0);

    private ResolvedParameter Resolve(string name, int year)
    {
        if (!_current.Values.TryGetValue((name, year), out var resolved))
        {
            resolved = year == 0
                ? _table.Resolve(name, _current.CountyCode, AsOf)
                : _table.Resolve(name, _current.CountyCode, new DateOnly(year, 12, 31), year);
            _current.Values[(name, year)] = resolved;
        }

        foreach (var read in _read)
        {
            if (ReferenceEquals(read, resolved))
            {
                return resolved;
            }
        }

        _read.Add(resolved);
        return resolved;
    }

    /// <summary>Values already resolved for one county (the region layers make them county-specific).</summary>
    private sealed class CountyValues(string countyCode)
    {
        public string CountyCode { get; } = countyCode;

        public Dictionary<(string Name, int Year), ResolvedParameter> Values { get; } = [];
    }
}
