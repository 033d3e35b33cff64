namespace Monitoring.Rules.Catalog;

/// <summary>A named value a rule reports (the facts it read, a margin), computed by a compiled expression.</summary>
public sealed class ValueDefinition
{
    public ValueDefinition(string name, string expression, Func<object[], object?> compute)
    {
        Name = name;
        Expression = expression;
        Compute = compute;
    }

    public string Name { get; }

    public string Expression { get; }

    public Func<object[], object?> Compute { get; }
}
