namespace Monitoring.Engine.Records;

/// <summary>v1.1: 残疾人两项补贴 received by a member — living (生活补贴) and nursing (护理补贴).</summary>
public sealed class DisabilitySubsidiesRecord
{
    public bool? Living { get; set; }

    public bool? Nursing { get; set; }
}
