using ServerlessSim.Experiments;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Configuration;

/// <summary>The rules of Lambda's features: reserved and provisioned concurrency, invocation and retries, per-request scaling's options.</summary>
public static partial class ScenarioValidator
{
    /// <summary>What AWS keeps unreserved in every account: reservations may not take the last 100.</summary>
    public const int MinUnreservedConcurrency = 100;

    private static void ValidateLambdaRules(Scenario scenario, ValidationErrors errors)
    {
        if (scenario.Functions is not { Count: > 0 } functions || functions.Any(f => f is null))
        {
            return;
        }

        var limit = scenario.EffectiveAccount.ConcurrencyLimit;
        var reserved = 0L;
        for (var i = 0; i < functions.Count; i++)
        {
            var path = functions.Count == 1 ? "function" : $"functions[{i}]";
            var function = functions[i];
            if (function.ReservedConcurrency is { } r)
            {
                if (r < 0)
                {
                    errors.Add(path + ".reservedConcurrency", r, "must be an integer of at least 0 (or absent for none)");
                }

                reserved += Math.Max(0, r);
                if (reserved > limit - MinUnreservedConcurrency)
                {
                    errors.Add(path + ".reservedConcurrency", r,
                        $"brings the account's reservations to {reserved}; they may take at most account.concurrencyLimit ({limit}) - {MinUnreservedConcurrency} = {limit - MinUnreservedConcurrency}, since AWS keeps {MinUnreservedConcurrency} unreserved");
                }
            }

            errors.CheckRange(path + ".errorProbability", function.ErrorProbability, 0, 1);
            ValidateInvocation(function.Invocation, path + ".invocation", errors);
        }

        for (var p = 0; scenario.Policies is not null && p < scenario.Policies.Count; p++)
        {
            if (scenario.Policies[p]?.Scaling is PerRequestScalingOptions scaling)
            {
                ValidatePerRequest(scenario, scaling, $"policies[{p}].scaling", errors);
            }
        }
    }

    private static void ValidateInvocation(InvocationOptions? invocation, string path, ValidationErrors errors)
    {
        switch (invocation)
        {
            case SynchronousInvocation { Retry: { } retry }:
                if (retry.MaxAttempts is < 1 or > ClientRetryOptions.MaxAllowedAttempts)
                {
                    errors.Add(path + ".retry.maxAttempts", retry.MaxAttempts, $"must be an integer from 1 to {ClientRetryOptions.MaxAllowedAttempts}");
                }

                if (errors.CheckRange(path + ".retry.baseDelayMs", retry.BaseDelay.Milliseconds, 0, 3_600_000, minExclusive: true, "ms")
                    && errors.CheckRange(path + ".retry.maxDelayMs", retry.MaxDelay.Milliseconds, 0, 3_600_000, minExclusive: true, "ms")
                    && retry.MaxDelay < retry.BaseDelay)
                {
                    errors.Add(path + ".retry.maxDelayMs", retry.MaxDelay.Milliseconds, $"must be at least baseDelayMs ({ValidationErrors.Show(retry.BaseDelay.Milliseconds)})");
                }

                break;
            case AsynchronousInvocation async:
                errors.CheckRange(path + ".maxEventAgeSeconds", async.MaxEventAge.Seconds, 60, 21_600, unit: "seconds (Lambda: 60 s to 6 hours)");
                if (async.MaxRetryAttempts is < 0 or > AsynchronousInvocation.DefaultMaxRetryAttempts)
                {
                    errors.Add(path + ".maxRetryAttempts", async.MaxRetryAttempts, "must be an integer from 0 to 2 (Lambda's range)");
                }

                break;
        }
    }

    private static void ValidatePerRequest(Scenario scenario, PerRequestScalingOptions scaling, string path, ValidationErrors errors)
    {
        if (scaling.RequestRatePerConcurrency is { } requestRate)
        {
            errors.CheckRange(path + ".requestRatePerConcurrency", requestRate, 0, 1e6, minExclusive: true, "invocations per second per unit of concurrency");

            // A bucket smaller than one invocation never lets one through: e.g. 0.5 a second x a reservation of 1.
            var reservations = scenario.Functions.Select(f => f.ReservedConcurrency ?? 0).ToArray();
            var units = reservations.Where(r => r > 0).Append(scenario.EffectiveAccount.ConcurrencyLimit - reservations.Sum()).Where(u => u > 0).ToArray();
            var smallest = units.Length == 0 ? 0 : units.Min();
            if (requestRate > 0 && smallest > 0 && requestRate * smallest < 1)
            {
                errors.Add(
                    path + ".requestRatePerConcurrency",
                    requestRate,
                    FormattableString.Invariant($"x {smallest} (the smallest reservation, or the concurrency left unreserved) must allow at least 1 invocation a second"));
            }
        }

        switch (scaling.ScalingRate)
        {
            case TokenBucketScalingRate bucket:
                if (bucket.Environments < 1)
                {
                    errors.Add(path + ".scalingRate.environments", bucket.Environments, "must be an integer of at least 1");
                }

                errors.CheckRange(path + ".scalingRate.periodSeconds", bucket.Period.Seconds, 0, 86_400, minExclusive: true, "seconds");
                break;
            case LegacyBurstScalingRate legacy:
                if (legacy.InitialBurst < 1)
                {
                    errors.Add(path + ".scalingRate.initialBurst", legacy.InitialBurst, "must be an integer of at least 1");
                }

                if (legacy.IncreasePerMinute < 1)
                {
                    errors.Add(path + ".scalingRate.increasePerMinute", legacy.IncreasePerMinute, "must be an integer of at least 1");
                }

                break;
        }

        if (!Enum.IsDefined(scaling.IdleChoice))
        {
            errors.Add(path + ".idleChoice", scaling.IdleChoice, "must be one of: mostRecentlyUsed, leastRecentlyUsed, random");
        }

        ValidateKeepAlive(scaling.KeepAlive, path + ".keepAlive", errors);
        if (scaling.MaxLifetime is { } lifetime)
        {
            ValidateDistribution(path + ".maxLifetimeMs", lifetime, errors);
            if (lifetime.Mean <= 0)
            {
                errors.Add(path + ".maxLifetimeMs", lifetime.Describe(), "must have a positive mean (an environment must live a while)");
            }
        }

        if (scaling.InitTimeout is { } init)
        {
            errors.CheckRange(path + ".initTimeoutSeconds", init.Seconds, 0, 86_400, minExclusive: true, "seconds");
        }

        if (scaling.FunctionTimeout is { } timeout)
        {
            errors.CheckRange(path + ".functionTimeoutSeconds", timeout.Seconds, 0, 86_400, minExclusive: true, "seconds");
        }

        if (scaling.ProvisionedConcurrency is { } provisioned)
        {
            ValidateProvisioned(scenario, provisioned, path + ".provisionedConcurrency", errors);
        }
    }

    private static void ValidateKeepAlive(KeepAliveOptions? keepAlive, string path, ValidationErrors errors)
    {
        switch (keepAlive)
        {
            case IdleLifetimeKeepAlive { IdleLifetime: var lifetime }:
                ValidateDistribution(path + ".idleLifetimeMs", lifetime, errors);
                break;
            case HybridHistogramKeepAlive h:
                if (errors.CheckRange(path + ".binMinutes", h.BinWidth.Seconds / 60, 0, 10_080, minExclusive: true, "minutes")
                    && errors.CheckRange(path + ".rangeMinutes", h.Range.Seconds / 60, 0, 10_080, minExclusive: true, "minutes")
                    && h.Range < h.BinWidth)
                {
                    errors.Add(path + ".rangeMinutes", h.Range.Seconds / 60, $"must be at least binMinutes ({ValidationErrors.Show(h.BinWidth.Seconds / 60)})");
                }

                if (errors.CheckRange(path + ".headPercentile", h.HeadPercentile, 0, 100, minExclusive: true)
                    && errors.CheckRange(path + ".tailPercentile", h.TailPercentile, 0, 100, minExclusive: true)
                    && h.TailPercentile < h.HeadPercentile)
                {
                    errors.Add(path + ".tailPercentile", h.TailPercentile, $"must be at least headPercentile ({ValidationErrors.Show(h.HeadPercentile)})");
                }

                errors.CheckRange(path + ".margin", h.Margin, 0, 1);
                errors.CheckRange(path + ".minCoefficientOfVariation", h.MinCoefficientOfVariation, 0, 1e6);
                if (h.MinObservations < 1)
                {
                    errors.Add(path + ".minObservations", h.MinObservations, "must be an integer of at least 1");
                }

                if (h.FallbackKeepAlive is { } fallback)
                {
                    errors.CheckRange(path + ".fallbackKeepAliveMinutes", fallback.Seconds / 60, 0, 10_080, minExclusive: true, "minutes");
                }

                errors.CheckRange(path + ".maxOutOfBoundsFraction", h.MaxOutOfBoundsFraction, 0, 1);
                break;
        }
    }

    private static void ValidateProvisioned(Scenario scenario, ProvisionedConcurrencyOptions provisioned, string path, ValidationErrors errors)
    {
        if (provisioned.Steps is not { Count: > 0 } steps)
        {
            errors.Add(path + ".steps", 0, "must list at least one step");
            return;
        }

        if (provisioned.RepeatEvery is { } repeat)
        {
            errors.CheckRange(path + ".repeatEverySeconds", repeat.Seconds, 0, MaxHorizonSeconds, minExclusive: true, "seconds");
        }

        for (var s = 0; s < steps.Count; s++)
        {
            var stepPath = $"{path}.steps[{s}]";
            var at = steps[s].At.Seconds;
            if (errors.CheckRange(stepPath + ".atSeconds", at, 0, MaxHorizonSeconds, unit: "seconds"))
            {
                if (s > 0 && !(at > steps[s - 1].At.Seconds))
                {
                    errors.Add(stepPath + ".atSeconds", at, $"must be later than the step before ({ValidationErrors.Show(steps[s - 1].At.Seconds)} s)");
                }

                if (provisioned.RepeatEvery is { } period && at >= period.Seconds)
                {
                    errors.Add(stepPath + ".atSeconds", at, $"must be before repeatEverySeconds ({ValidationErrors.Show(period.Seconds)}): the schedule repeats with that period");
                }
            }

            if (steps[s].Environments < 0)
            {
                errors.Add(stepPath + ".environments", steps[s].Environments, "must be an integer of at least 0");
            }
        }

        // AWS: provisioned concurrency fits within the function's reservation, or else within the unreserved pool less 100.
        var max = provisioned.MaxEnvironments;
        var limit = scenario.EffectiveAccount.ConcurrencyLimit;
        var functions = scenario.Functions;
        for (var f = 0; f < functions.Count; f++)
        {
            var name = functions.Count == 1 ? "function" : $"functions[{f}]";
            if (functions[f].ReservedConcurrency is { } r && max > r)
            {
                errors.Add(path, max, $"provisions more than {name}.reservedConcurrency ({r}); provisioned environments come out of the reservation");
            }
            else if (functions[f].ReservedConcurrency is null && max > limit - MinUnreservedConcurrency)
            {
                errors.Add(path, max, $"provisions more than account.concurrencyLimit ({limit}) - {MinUnreservedConcurrency} for {name}, which has no reservation");
            }
        }
    }
}
