namespace Monitoring.Rules.Parameters;

/// <summary><c>rules/parameters/definitions.yaml</c>: every parameter a rule may read.</summary>
public sealed class ParameterDefinitionsDocument
{
    public Dictionary<string, ParameterDefinition> Parameters { get; set; } = [];
}
