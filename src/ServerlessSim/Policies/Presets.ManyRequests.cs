using ServerlessSim.Cost;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Policies;

/// <summary>Ready-made policies for real platforms, with their documented defaults (each sourced in its options and in docs/platforms/).</summary>
/// <remarks>
/// Every preset is an ordinary <see cref="PolicyOptions"/>: change any part with <c>with</c>, e.g.
/// <c>Presets.CloudRun with { Name = "cloud-run-k250", Concurrency = new ManyPerInstanceOptions(250, 1) }</c>. The
/// many-requests presets count instances against the account limit (<see cref="LimitScope.Instances"/>) and bill by
/// their platform's own model (Knative, which runs on your cluster, by Cloud Run's instance-based prices, whole
/// instance lifetimes); both are written in every result.
/// </remarks>
public static partial class Presets
{
    /// <summary>
    /// Google Cloud Run: up to 80 concurrent requests per instance on 1 vCPU; autoscaled to 60% of that concurrency
    /// and 60% CPU over a minute (<see cref="CloudRunScalingOptions"/>: at most 100 instances, spare instances kept
    /// 15 minutes); pending requests wait up to 10 s in a front queue. Request-based billing (Cloud Run's default).
    /// </summary>
    public static PolicyOptions CloudRun { get; } = ManyRequests(
        "cloud-run", "cloudRun", ManyPerInstanceOptions.CloudRunDefaultConcurrency, DispatchKind.LeastLoaded, new CloudRunScalingOptions(),
        BillingModel.CloudRunRequestBased);

    /// <summary>
    /// Knative Serving with its defaults: container concurrency 0 (unlimited, modelled as 1,000 per pod) on 1 vCPU; the
    /// KPA targets 100 x 70% = 70 requests per pod (<see cref="KnativeScalingOptions"/>); the activator buffers requests
    /// (300 s timeout) and balances by power of two choices, its policy for unlimited concurrency. Billed as whole
    /// instance lifetimes at Cloud Run's instance-based prices (your cluster's nodes cost whether busy or not).
    /// </summary>
    public static PolicyOptions Knative { get; } = ManyRequests(
        "knative", "knative", KnativeUnlimitedConcurrency, DispatchKind.PowerOfTwoChoices, new KnativeScalingOptions(),
        BillingModel.CloudRunInstanceBased);

    /// <summary>
    /// Azure Functions Flex Consumption, 2,048 MB instances: 16 concurrent HTTP requests per instance (about 1 vCPU),
    /// one instance per 16 requests in the system, no always-ready instance, at most 100 instances
    /// (<see cref="FlexConsumptionScalingOptions"/>); requests wait up to 230 s. Flex Consumption's on-demand billing.
    /// </summary>
    public static PolicyOptions AzureFlexConsumption { get; } = ManyRequests(
        "azure-flex-consumption", "azureFlexConsumption", FlexConsumptionScalingOptions.DefaultHttpConcurrency(2048), DispatchKind.LeastLoaded,
        new FlexConsumptionScalingOptions(), BillingModel.AzureFlexConsumption);

    /// <summary>
    /// AWS Lambda Managed Instances, a Node.js function on 1-vCPU environments: 64 concurrent requests per environment,
    /// at least 3 environments, scaled asynchronously on CPU and concurrency (<see cref="ManagedInstancesScalingOptions"/>);
    /// no cold start on the request path: a request that finds every environment full is throttled. Managed Instances
    /// billing (the EC2 instance share, the management fee, a per-request charge).
    /// </summary>
    public static PolicyOptions LambdaManagedInstances { get; } = ManyRequests(
        "lambda-managed-instances", "lambdaManagedInstances",
        ManagedInstancesScalingOptions.DefaultMaxConcurrency(ManagedInstancesRuntime.Node, 1), DispatchKind.LeastLoaded, new ManagedInstancesScalingOptions(),
        BillingModel.LambdaManagedInstances);

    /// <summary>The many-requests presets by their scenario-file name (<c>"preset": "cloudRun"</c>).</summary>
    public static IReadOnlyList<(string Name, PolicyOptions Policy)> ManyRequestsByName { get; } =
    [
        ("cloudRun", CloudRun),
        ("knative", Knative),
        ("azureFlexConsumption", AzureFlexConsumption),
        ("lambdaManagedInstances", LambdaManagedInstances),
    ];

    // Knative's container concurrency 0 means no limit; 1,000 (Cloud Run's maximum) stands in for it.
    private const int KnativeUnlimitedConcurrency = 1000;

    private static PolicyOptions ManyRequests(
        string name, string preset, int concurrency, DispatchKind dispatch, AutoscalingOptions scaling, BillingModel billing) =>
        new(name, new ManyPerInstanceOptions(concurrency, VCpus: 1), new DispatchOptions(dispatch), LimitScope.Instances, new BillingOptions(billing))
        {
            Scaling = scaling,
            Preset = preset,
        };
}
