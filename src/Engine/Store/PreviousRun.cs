namespace Monitoring.Engine.Store;

/// <summary>The newest completed run of a profile, as far as choosing the next run's mode is concerned.</summary>
public sealed record PreviousRun(long Id, DateOnly AsOf, string RulesVersion, string? EngineVersion);
