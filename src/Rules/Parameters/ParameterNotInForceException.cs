namespace Monitoring.Rules.Parameters;

/// <summary>A rule read a parameter that has no value in force at the date asked (for example a monitoring line before any was published).</summary>
public sealed class ParameterNotInForceException : Exception
{
    public ParameterNotInForceException(string name, DateOnly date, string countyCode)
        : base($"参数 {name} 在 {date:yyyy-MM-dd} 没有生效的取值（县级代码 {countyCode}）")
    {
        Name = name;
        Date = date;
    }

    public ParameterNotInForceException()
    {
        Name = "";
    }

    public ParameterNotInForceException(string message)
        : base(message)
    {
        Name = "";
    }

    public ParameterNotInForceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = "";
    }

    public string Name { get; }

    public DateOnly Date { get; }
}
