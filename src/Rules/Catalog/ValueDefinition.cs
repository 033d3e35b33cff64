namespace Monitoring.Rules.Catalog;

/// <summary>A named value a rule reports (the facts it read, a margin), computed by a compiled expression.</summary>
public sealed class ValueDefinition
{
    private readonly ThreadCompiled<Func<object[], object?>> _compute;

    public ValueDefinition(string name, string expression, ThreadCompiled<Func<object[], object?>> compute)
    {
        Name = name;
        Expression = expression;
        _compute = compute;
    }

    public string Name { get; }

    public string Expression { get; }

    /// <summary>The compiled expression, this thread's copy (see <see cref="ThreadCompiled{T}"/>).</summary>
    public Func<object[], object?> Compute => _compute.Value;
}
