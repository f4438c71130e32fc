using ServerlessSim.Cost;
using ServerlessSim.Policies;

namespace ServerlessSim.Metrics;

/// <summary>What a finished run needs to label and bill its result.</summary>
internal sealed record RunIdentity(
    string Policy, int Replication, double MemoryMb, double VCpus, BillingModel Billing, PriceTable Prices, bool LambdaArm);
