using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Configuration;

/// <summary>Checks the platform parts of a policy (scaling, waiting, contention, instance-picking dispatch) with the scenario file's paths.</summary>
internal static class PlatformPolicyValidator
{
    private const string AutoscaledOnly = "is only available on an autoscaled platform (\"scaling\" other than \"perRequest\")";

    public static void Validate(PolicyOptions policy, string path, ValidationErrors errors)
    {
        if (policy.Scaling is AutoscalingOptions scaling)
        {
            ValidateScaling(scaling, path + ".scaling", errors);
        }
        else
        {
            if (policy.Dispatch is { NeedsInstanceView: true } dispatch)
            {
                errors.Add(path + ".dispatch", Camel(dispatch.Kind), AutoscaledOnly + "; per-request scaling dispatches by load: leastLoaded or packing");
            }

            if (policy.Waiting is { Kind: not WaitingKind.NewInstance } waiting)
            {
                errors.Add(path + ".waiting.kind", Camel(waiting.Kind), AutoscaledOnly + "; per-request scaling starts a new instance");
            }

            if (policy.Contention is { } contention && contention != ContentionOptions.ProcessorSharing)
            {
                errors.Add(path + ".contention", Camel(contention.Kind), AutoscaledOnly + " (per-request scaling shares vCPUs, with no memory limit)");
            }
        }

        if (policy.Waiting is { Kind: WaitingKind.FrontQueue } queue)
        {
            if (!queue.Timeout.IsInfinite)
            {
                Check(errors, path + ".waiting.timeoutSeconds", queue.Timeout.Seconds, PlatformRules.Timeout);
            }

            if (queue.Capacity is < 1)
            {
                errors.Add(path + ".waiting.capacity", queue.Capacity, "must be an integer of at least 1 (or absent for no limit)");
            }
        }

        if (policy.Contention is { } c)
        {
            ValidateContention(c, path + ".contention", errors);
        }
    }

    private static void ValidateScaling(AutoscalingOptions scaling, string path, ValidationErrors errors)
    {
        if (scaling.MinInstances is < 0 or > PlatformRules.MaxInstances)
        {
            errors.Add(path + ".minInstances", scaling.MinInstances, $"must be an integer from 0 to {PlatformRules.MaxInstances}");
        }

        if (scaling.MaxInstances is { } max && (max < 1 || max < scaling.MinInstances))
        {
            errors.Add(path + ".maxInstances", max, $"must be an integer of at least 1 and at least minInstances ({scaling.MinInstances})");
        }

        Check(errors, path + ".tickSeconds", scaling.TickInterval.Seconds, PlatformRules.Tick);
        switch (scaling)
        {
            case KnativeScalingOptions k:
                Check(errors, path + ".targetConcurrency", k.TargetConcurrency, PlatformRules.Positive);
                Check(errors, path + ".targetUtilization", k.TargetUtilization, PlatformRules.Utilization);
                Check(errors, path + ".stableWindowSeconds", k.StableWindow.Seconds, PlatformRules.Window);
                Check(errors, path + ".panicWindowPercentage", k.PanicWindowPercentage, PlatformRules.Percentage);
                Check(errors, path + ".panicThresholdPercentage", k.PanicThresholdPercentage, PlatformRules.Threshold);
                Check(errors, path + ".maxScaleUpRate", k.MaxScaleUpRate, PlatformRules.Rate);
                Check(errors, path + ".maxScaleDownRate", k.MaxScaleDownRate, PlatformRules.Rate);
                Check(errors, path + ".scaleToZeroGraceSeconds", k.ScaleToZeroGracePeriod.Seconds, PlatformRules.Delay);
                Check(errors, path + ".scaleDownDelaySeconds", k.ScaleDownDelay.Seconds, PlatformRules.Delay);
                if (k.InitialScale is < 0 or > PlatformRules.MaxInstances)
                {
                    errors.Add(path + ".initialScale", k.InitialScale, $"must be an integer from 0 to {PlatformRules.MaxInstances}");
                }

                break;
            case CloudRunScalingOptions r:
                Check(errors, path + ".targetConcurrencyUtilization", r.TargetConcurrencyUtilization, PlatformRules.Utilization);
                Check(errors, path + ".targetCpuUtilization", r.TargetCpuUtilization, PlatformRules.Utilization);
                Check(errors, path + ".windowSeconds", r.Window.Seconds, PlatformRules.Window);
                Check(errors, path + ".idleRetentionSeconds", r.IdleRetention.Seconds, PlatformRules.Delay);
                break;
            case ManagedInstancesScalingOptions m:
                Check(errors, path + ".targetCpuUtilization", m.TargetCpuUtilization, PlatformRules.Utilization);
                Check(errors, path + ".targetConcurrencyUtilization", m.TargetConcurrencyUtilization, PlatformRules.Utilization);
                Check(errors, path + ".windowSeconds", m.Window.Seconds, PlatformRules.Window);
                Check(errors, path + ".doublingTimeSeconds", m.DoublingTime.Seconds, PlatformRules.Window);
                if (m.MinInstances < 1)
                {
                    errors.Add(path + ".minInstances", m.MinInstances,
                        "must be at least 1: Managed Instances start no environment on the request path, so with none nothing would ever start one");
                }

                break;
            case FlexConsumptionScalingOptions f:
                Check(errors, path + ".scaleInDelaySeconds", f.ScaleInDelay.Seconds, PlatformRules.Delay);
                break;
        }
    }

    private static void ValidateContention(ContentionOptions contention, string path, ValidationErrors errors)
    {
        if (contention.Kind == ContentionKind.Interference)
        {
            Check(errors, path + ".alpha", contention.InterferenceAlpha, PlatformRules.Alpha);
        }

        if (contention.Memory is not { } memory)
        {
            return;
        }

        if (memory.PerRequestMb is null || !(memory.PerRequestMb.Mean >= 0) || !double.IsFinite(memory.PerRequestMb.Mean))
        {
            errors.Add(path + ".memory.perRequestMb", memory.PerRequestMb?.Describe(), "must be a distribution of megabytes with a finite, non-negative mean");
        }

        Check(errors, path + ".memory.baseMb", memory.BaseMb, PlatformRules.Megabytes);
        if (memory.LimitMb is { } limit && (!PlatformRules.Megabytes.Contains(limit) || !(limit > memory.BaseMb)))
        {
            errors.Add(path + ".memory.limitMb", limit, $"must be a number greater than baseMb ({ValidationErrors.Show(memory.BaseMb)}) and at most 10000000 (MB)");
        }
    }

    private static void Check(ValidationErrors errors, string path, double value, NumberRange range)
    {
        if (!range.Contains(value))
        {
            errors.Add(path, value, range.Rule);
        }
    }

    private static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
