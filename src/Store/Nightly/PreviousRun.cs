using Monitoring.Store.Importing;
using Monitoring.Store.Exporting;
using Monitoring.Store.Sql;
using Monitoring.Store.Cases;
using Monitoring.Engine.Formats;
using Monitoring.Engine.Cases;

namespace Monitoring.Store.Nightly;

/// <summary>The newest completed run of a profile, as far as choosing the next run's mode is concerned.</summary>
public sealed record PreviousRun(long Id, DateOnly AsOf, string RulesVersion, string? EngineVersion);
