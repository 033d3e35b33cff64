namespace Monitoring.Store.Access;

/// <summary>
/// What a signed-in user may do. village: review and record cases in the village; town: also the town's review steps
/// and lists; county: also county approval and announcements; auditor: read everything in the area, replay, the access
/// log, no writes; admin: user administration only (no household data).
/// </summary>
public enum UserRole
{
    Village,
    Town,
    County,
    Auditor,
    Admin,
}
