using ServerlessSim.Cost;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Policies;

/// <summary>AWS Lambda presets: today's rules, and the scaling model before December 2023.</summary>
public static partial class Presets
{
    /// <summary>
    /// AWS Lambda as of December 2026: one request per execution environment; the account limit counts requests in
    /// flight; a function adds at most 1,000 environments per 10 s, refilled continuously
    /// (<see cref="ScalingRateOptions.AwsLambda"/>); the account takes at most 10 invocations a second per unit of its
    /// concurrency limit (a reserved function, per unit of its reservation); an on-demand initialisation is cut at 10 s and retried on the
    /// first invocation; the most recently used idle environment serves; idle environments live the function's
    /// keep-alive (about 10 minutes measured); per-request billing. Reserved concurrency, provisioned concurrency,
    /// retries and the function timeout are the function's and the policy's to set. Sources: docs/platforms/aws-lambda.md.
    /// </summary>
    public static PolicyOptions AwsLambda { get; } = new PolicyOptions("aws-lambda", new OnePerInstanceOptions(), Billing: new BillingOptions(BillingModel.LambdaPerRequest))
    {
        Scaling = new PerRequestScalingOptions
        {
            ScalingRate = ScalingRateOptions.AwsLambda,
            RequestRatePerConcurrency = PerRequestScalingOptions.LambdaRequestRatePerConcurrency,
            InitTimeout = PerRequestScalingOptions.LambdaInitTimeout,
        },
        Preset = "awsLambda",
    };

    /// <summary>
    /// AWS Lambda with the scaling model before December 2023: a regional initial burst (<paramref name="initialBurst"/>:
    /// 3,000 in us-east-1, us-west-2 and eu-west-1; 1,000 in ap-northeast-1, eu-central-1 and us-east-2; 500 elsewhere),
    /// then 500 more environments a minute (<see cref="LegacyBurstScalingRate"/>); otherwise as <see cref="AwsLambda"/>.
    /// </summary>
    public static PolicyOptions AwsLambdaLegacyBurst(int initialBurst = 3000) => AwsLambda with
    {
        Name = "aws-lambda-legacy-burst",
        Scaling = (PerRequestScalingOptions)AwsLambda.Scaling! with { ScalingRate = new LegacyBurstScalingRate(initialBurst) },
        Preset = "awsLambdaLegacyBurst",
    };

    /// <summary>Every preset by its scenario-file name (<c>"preset": "awsLambda"</c>); the legacy burst at 3,000 unless the file says otherwise.</summary>
    /// <remarks>Built on each call: the other presets live in another part of this class, whose initialisation order is not this one's.</remarks>
    public static IReadOnlyList<(string Name, PolicyOptions Policy)> ByName =>
    [
        ("awsLambda", AwsLambda),
        ("awsLambdaLegacyBurst", AwsLambdaLegacyBurst()),
        .. ManyRequestsByName,
    ];
}
