using ServerlessSim.Cost;

namespace ServerlessSim.Metrics;

/// <summary>What a finished run needs to label and bill its result.</summary>
internal sealed record RunIdentity(string Policy, int Replication, double MemoryMb, double VCpus, IBillingPolicy Billing);
