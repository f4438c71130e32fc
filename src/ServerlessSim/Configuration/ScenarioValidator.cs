using ServerlessSim.Cost;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Checks a <see cref="Scenario"/> built in C# or loaded from JSON, reporting every problem at once.</summary>
/// <remarks>Paths are the JSON scenario format's (docs/scenario-format.md), so errors read the same from either side.</remarks>
public static partial class ScenarioValidator
{
    /// <summary>The longest horizon accepted, in seconds (about 31.7 years): doubles there are 0.12 µs apart, finer than the 1 µs the latency histogram records.</summary>
    public const double MaxHorizonSeconds = 1e9;

    /// <summary>The highest arrival rate accepted, in requests per second.</summary>
    public const double MaxRatePerSecond = 1e8;

    /// <summary>The most time-series points a run may keep.</summary>
    public const double MaxTimeSeriesPoints = 10_000_000;

    /// <summary>The most requests one replication may expect (all functions over the horizon): 1e11, about 11 hours of simulation at 2.6 M requests/s.</summary>
    public const double MaxExpectedRequests = 1e11;

    /// <summary>The longest mean a work or cold-start distribution may have, in seconds (1e6 s, 11.6 days); longer requests would keep a run draining for ever.</summary>
    public const double MaxMeanDurationSeconds = 1e6;

    /// <summary>The longest name (scenario, function, policy) accepted, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Every problem with <paramref name="scenario"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            errors.Add("name", scenario.Name, "must not be empty");
        }

        RunSizeRules.CheckNameLength("name", scenario.Name, errors);

        var horizonOk = errors.CheckRange("horizonSeconds", scenario.Horizon.Seconds, 0, MaxHorizonSeconds, minExclusive: true, "s");
        if (horizonOk && !(scenario.WarmUp.Seconds < scenario.Horizon.Seconds))
        {
            errors.Add("warmUpSeconds", scenario.WarmUp.Seconds, $"must be less than horizonSeconds ({ValidationErrors.Show(scenario.Horizon.Seconds)})");
        }

        if (scenario.Replications is < 1 or > 10_000)
        {
            errors.Add("replications", scenario.Replications, "must be an integer from 1 to 10000");
        }

        if (scenario.TimeSeriesStep is { } step && horizonOk &&
            errors.CheckRange("timeSeriesStepSeconds", step.Seconds, 0, scenario.Horizon.Seconds, minExclusive: true, "s (the horizon)") &&
            scenario.Horizon.Seconds / step.Seconds > MaxTimeSeriesPoints)
        {
            errors.Add("timeSeriesStepSeconds", step.Seconds, $"gives more than {MaxTimeSeriesPoints:0} points over the horizon; use a longer step");
        }

        if (scenario.EffectiveAccount.ConcurrencyLimit < 1)
        {
            errors.Add("account.concurrencyLimit", scenario.EffectiveAccount.ConcurrencyLimit, "must be an integer of at least 1");
        }

        var before = errors.All.Count;
        ValidateFunctions(scenario, errors);
        if (horizonOk && errors.All.Count == before)
        {
            RunSizeRules.CheckExpectedRequests(scenario, errors);
        }

        ValidatePolicies(scenario, errors);
        ValidateLambdaRules(scenario, errors);
        return errors.All;
    }

    /// <summary>Throws if <paramref name="scenario"/> has any problem.</summary>
    /// <exception cref="ScenarioValidationException">Lists every problem.</exception>
    public static void ThrowIfInvalid(Scenario scenario)
    {
        var errors = Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }
    }

    private static void ValidateFunctions(Scenario scenario, ValidationErrors errors)
    {
        var functions = scenario.Functions;
        if (functions is null || functions.Count == 0)
        {
            errors.Add("functions", functions?.Count ?? 0, "must list at least one function");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < functions.Count; i++)
        {
            // One function reads as the file's "function" object, several as its "functions" array.
            var path = functions.Count == 1 ? "function" : $"functions[{i}]";
            ValidateFunction(functions[i], path, errors);
            if (functions[i] is { Name: { } name } && !string.IsNullOrWhiteSpace(name) && !seen.Add(name))
            {
                errors.Add(path + ".name", name, "must be unique among the functions");
            }
        }
    }

    private static void ValidateFunction(FunctionDefinition function, string path, ValidationErrors errors)
    {
        if (function is null)
        {
            errors.Add(path, null, "is required");
            return;
        }

        if (string.IsNullOrWhiteSpace(function.Name))
        {
            errors.Add(path + ".name", function.Name, "must not be empty");
        }

        RunSizeRules.CheckNameLength(path + ".name", function.Name, errors);

        errors.CheckRange(path + ".memoryMb", function.MemoryMb, 64, 32_768, unit: "MB");
        if (function.Arrivals is null)
        {
            errors.Add(path + ".arrivals", null, "is required");
        }
        else if (function.Arrivals is RateScheduleArrivals { Schedule: var schedule })
        {
            for (var i = 0; i < schedule.Count; i++)
            {
                errors.CheckRange($"{path}.arrivals.rateSchedule[{i}].ratePerSecond", schedule[i].RatePerSecond, 0, MaxRatePerSecond, unit: "req/s");
            }
        }

        ValidateDistribution(path + ".work.cpuMs", function.Work.CpuDemand, errors);
        ValidateDistribution(path + ".work.ioWaitMs", function.Work.IoWait, errors);
        ValidateDistribution(path + ".coldStartMs", function.ColdStart, errors);
        if (function.MaxInstances is < 1)
        {
            errors.Add(path + ".maxInstances", function.MaxInstances, "must be an integer of at least 1 (or absent for no cap)");
        }
    }

    private static void ValidateDistribution(string path, IDistribution distribution, ValidationErrors errors)
    {
        var before = errors.All.Count;
        switch (distribution)
        {
            case null:
                errors.Add(path, null, "is required");
                break;
            case ConstantDistribution c:
                errors.CheckRange(path + ".valueMs", c.Value * 1000, 0, double.MaxValue, unit: "ms");
                break;
            case ExponentialDistribution e:
                errors.CheckRange(path + ".meanMs", e.MeanSeconds * 1000, 0, double.MaxValue, minExclusive: true, "ms");
                break;
            case LogNormalDistribution l:
                if (!double.IsFinite(l.Mu) || !double.IsFinite(l.Sigma) || l.Sigma < 0 || !double.IsFinite(l.Mean))
                {
                    errors.Add(path, l.Describe(), "must have a finite positive median and a finite p99 at least the median");
                }

                break;
            case GammaDistribution g:
                errors.CheckRange(path + ".shape", g.Shape, 0, double.MaxValue, minExclusive: true);
                errors.CheckRange(path + ".meanMs", g.MeanSeconds * 1000, 0, double.MaxValue, minExclusive: true, "ms");
                break;
            default:
                if (!(distribution.Mean >= 0) || double.IsInfinity(distribution.Mean))
                {
                    errors.Add(path, distribution.Describe(), "must have a finite, non-negative mean");
                }

                break;
        }

        if (distribution is not null && errors.All.Count == before)
        {
            RunSizeRules.CheckMeanDuration(path, distribution, errors);
        }
    }

    private static void ValidatePolicies(Scenario scenario, ValidationErrors errors)
    {
        if (scenario.Policies is null || scenario.Policies.Count == 0)
        {
            errors.Add("policies", scenario.Policies?.Count ?? 0, "must list at least one policy");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Policies.Count; i++)
        {
            var policy = scenario.Policies[i];
            if (string.IsNullOrWhiteSpace(policy.Name))
            {
                errors.Add($"policies[{i}].name", policy.Name, "must not be empty");
            }
            else if (!seen.Add(policy.Name))
            {
                errors.Add($"policies[{i}].name", policy.Name, "must be unique among the policies");
            }

            RunSizeRules.CheckNameLength($"policies[{i}].name", policy.Name, errors);

            if (policy.Dispatch is { Kind: DispatchKind.Custom, Policy: null })
            {
                errors.Add($"policies[{i}].dispatch", "custom", "needs a policy object: use DispatchOptions.Custom(policy)");
            }

            if (policy.Billing is { } billing)
            {
                if (!Enum.IsDefined(billing.Model))
                {
                    errors.Add($"policies[{i}].billing.model", billing.Model, $"must be one of: {string.Join(", ", Enum.GetNames<BillingModel>())}");
                }
                else if (billing.Arm && billing.Model != BillingModel.LambdaPerRequest)
                {
                    errors.Add($"policies[{i}].billing.arm", true, BillingReader.ArmRule);
                }
            }

            if (policy.Concurrency is ManyPerInstanceOptions many)
            {
                if (many.MaxConcurrentPerInstance is < 1 or > ManyPerInstanceOptions.MaxAllowedConcurrency)
                {
                    errors.Add($"policies[{i}].maxConcurrentPerInstance", many.MaxConcurrentPerInstance,
                        $"must be an integer from 1 to {ManyPerInstanceOptions.MaxAllowedConcurrency}");
                }

                if (many.VCpus is { } v)
                {
                    errors.CheckRange($"policies[{i}].vCpus", v, 0, 1024, minExclusive: true);
                }
            }

            PlatformPolicyValidator.Validate(policy, $"policies[{i}]", errors);
            if (policy.Batching is not null)
            {
                BatchingValidator.ValidatePolicy(policy, $"policies[{i}]", errors);
            }

        }
    }
}
