namespace Monitoring.Rules.Catalog;

/// <summary>
/// A node of a rule's condition tree: a leaf with one atomic condition, or an And/Or over nested nodes,
/// exactly as the RulesEngine workflow nests them.
/// </summary>
public sealed class RuleNode
{
    private readonly ThreadCompiled<Func<object[], bool>>? _predicate;

    public RuleNode(string name, string? labelZh, string? @operator, string? expression, ThreadCompiled<Func<object[], bool>>? predicate,
        IReadOnlyList<RuleNode> children, IReadOnlyList<ValueDefinition> values)
    {
        Name = name;
        LabelZh = labelZh;
        Operator = @operator;
        Expression = expression;
        _predicate = predicate;
        Children = children;
        Values = values;
    }

    public string Name { get; }

    /// <summary>What the condition checks, in Chinese, for the "why / why not" of <c>explain</c>.</summary>
    public string? LabelZh { get; }

    /// <summary>And | Or for inner nodes; null for leaves.</summary>
    public string? Operator { get; }

    public string? Expression { get; }

    /// <summary>The compiled condition of a leaf, this thread's copy (see <see cref="ThreadCompiled{T}"/>).</summary>
    public Func<object[], bool>? Predicate => _predicate?.Value;

    public IReadOnlyList<RuleNode> Children { get; }

    public IReadOnlyList<ValueDefinition> Values { get; }

    public bool IsLeaf => _predicate is not null;

    /// <summary>Evaluates with short-circuit, as the batch does.</summary>
    public bool Evaluate(object[] args)
    {
        if (_predicate is not null)
        {
            return _predicate.Value(args);
        }

        if (Operator == "Or")
        {
            foreach (var child in Children)
            {
                if (child.Evaluate(args))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var child in Children)
        {
            if (!child.Evaluate(args))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>All nodes of the tree, depth first, this node first.</summary>
    public IEnumerable<RuleNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }
}
