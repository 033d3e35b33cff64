namespace Monitoring.Engine.Cases;

/// <summary>Where an obligation stands on the as-of date.</summary>
public enum ObligationStatus
{
    /// <summary>Not yet done, deadline not passed.</summary>
    Open,

    /// <summary>Not done and the deadline has passed.</summary>
    Overdue,

    /// <summary>Done on or before the deadline.</summary>
    Met,

    /// <summary>Done, but after the deadline.</summary>
    MetLate,

    /// <summary>The deadline cannot be computed (a year without a loaded holiday notice).</summary>
    Unknown,
}
