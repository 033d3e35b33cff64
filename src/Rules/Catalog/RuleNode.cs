namespace Monitoring.Rules.Catalog;

/// <summary>
/// A node of a rule's condition tree: a leaf with one atomic condition, or an And/Or over nested nodes,
/// exactly as the RulesEngine workflow nests them.
/// </summary>
public sealed class RuleNode
{
    public RuleNode(string name, string? labelZh, string? @operator, string? expression, Func<object[], bool>? predicate,
        IReadOnlyList<RuleNode> children, IReadOnlyList<ValueDefinition> values)
    {
        Name = name;
        LabelZh = labelZh;
        Operator = @operator;
        Expression = expression;
        Predicate = predicate;
        Children = children;
        Values = values;
    }

    public string Name { get; }

    /// <summary>What the condition checks, in Chinese, for the "why / why not" of <c>explain</c>.</summary>
    public string? LabelZh { get; }

    /// <summary>And | Or for inner nodes; null for leaves.</summary>
    public string? Operator { get; }

    public string? Expression { get; }

    public Func<object[], bool>? Predicate { get; }

    public IReadOnlyList<RuleNode> Children { get; }

    public IReadOnlyList<ValueDefinition> Values { get; }

    public bool IsLeaf => Predicate is not null;

    /// <summary>Evaluates with short-circuit, as the batch does.</summary>
    public bool Evaluate(object[] args)
    {
        if (Predicate is not null)
        {
            return Predicate(args);
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
