using System.Globalization;
using System.Text.Json;
using ServerlessSim.Platform;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Reporting;

/// <summary>AWS Lambda's rules in reports: per-request scaling's options, and a function's reservation, invocation and errors.</summary>
internal static class PerRequestDescription
{
    /// <summary>The rules in force as a clause, e.g. <c>, scaling rate 1000 per 10 s, 10 invocations/s per unit of concurrency, init timeout 10 s</c>; empty with none.</summary>
    public static string Clause(PerRequestScalingOptions scaling)
    {
        var parts = new List<string>();
        switch (scaling.ScalingRate)
        {
            case TokenBucketScalingRate bucket:
                parts.Add(Invariant($"scaling rate {bucket.Environments} per {bucket.Period.Seconds} s"));
                break;
            case LegacyBurstScalingRate legacy:
                parts.Add(Invariant($"legacy burst {legacy.InitialBurst} then +{legacy.IncreasePerMinute}/min"));
                break;
        }

        if (scaling.RequestRatePerConcurrency is { } requestRate)
        {
            parts.Add(Invariant($"{requestRate} invocations/s per unit of concurrency"));
        }

        if (scaling.KeepAlive is { } keepAlive)
        {
            parts.Add(KeepAlive(keepAlive));
        }

        if (scaling.IdleChoice != IdleEnvironmentChoice.MostRecentlyUsed)
        {
            parts.Add($"idle choice {Camel(scaling.IdleChoice)}");
        }

        if (scaling.MaxLifetime is { } lifetime)
        {
            parts.Add($"lifetime {lifetime.Describe()}");
        }

        if (scaling.InitTimeout is { } init)
        {
            parts.Add(Invariant($"init timeout {init.Seconds} s"));
        }

        if (scaling.FunctionTimeout is { } timeout)
        {
            parts.Add(Invariant($"function timeout {timeout.Seconds} s"));
        }

        if (scaling.ProvisionedConcurrency is { } provisioned)
        {
            parts.Add(provisioned.Steps.Count == 1
                ? Invariant($"{provisioned.Steps[0].Environments} provisioned")
                : Invariant($"provisioned up to {provisioned.MaxEnvironments} on a schedule"));
        }

        return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
    }

    /// <summary>A function's reservation, invocation and error probability as a clause; empty with the defaults.</summary>
    public static string Clause(FunctionDefinition function)
    {
        var parts = new List<string>();
        if (function.ReservedConcurrency is { } reserved)
        {
            parts.Add(Invariant($"reserved concurrency {reserved}"));
        }

        switch (function.Invocation)
        {
            case SynchronousInvocation { Retry: { } retry }:
                parts.Add(Invariant($"client retries ({retry.MaxAttempts} attempts, backoff {retry.BaseDelay.Seconds} s to {retry.MaxDelay.Seconds} s)"));
                break;
            case AsynchronousInvocation async:
                parts.Add(Invariant($"asynchronous (events kept {async.MaxEventAge.Seconds} s, {async.MaxRetryAttempts} error retries)"));
                break;
        }

        if (function.ErrorProbability > 0)
        {
            parts.Add(Invariant($"error probability {function.ErrorProbability}"));
        }

        return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
    }

    /// <summary>Writes the per-request rules in force as the policy entry's <c>perRequest</c> object (nothing when none are).</summary>
    public static void Write(Utf8JsonWriter json, PerRequestScalingOptions scaling)
    {
        if (scaling == PerRequestScalingOptions.Instance)
        {
            return;
        }

        json.WriteStartObject("perRequest");
        switch (scaling.ScalingRate)
        {
            case TokenBucketScalingRate bucket:
                json.WriteStartObject("scalingRate");
                json.WriteString("type", bucket.Kind);
                json.WriteNumber("environments", bucket.Environments);
                json.WriteNumber("periodSeconds", bucket.Period.Seconds);
                json.WriteEndObject();
                break;
            case LegacyBurstScalingRate legacy:
                json.WriteStartObject("scalingRate");
                json.WriteString("type", legacy.Kind);
                json.WriteNumber("initialBurst", legacy.InitialBurst);
                json.WriteNumber("increasePerMinute", legacy.IncreasePerMinute);
                json.WriteEndObject();
                break;
        }

        if (scaling.RequestRatePerConcurrency is { } requestRate)
        {
            json.WriteNumber("requestRatePerConcurrency", requestRate);
        }

        json.WriteString("keepAlive", scaling.KeepAlive is { } keepAlive ? KeepAlive(keepAlive) : "fixed");
        json.WriteString("idleChoice", Camel(scaling.IdleChoice));
        if (scaling.MaxLifetime is { } lifetime)
        {
            json.WriteString("maxLifetime", lifetime.Describe());
        }

        if (scaling.InitTimeout is { } init)
        {
            json.WriteNumber("initTimeoutSeconds", init.Seconds);
        }

        if (scaling.FunctionTimeout is { } timeout)
        {
            json.WriteNumber("functionTimeoutSeconds", timeout.Seconds);
        }

        if (scaling.ProvisionedConcurrency is { } provisioned)
        {
            json.WriteStartObject("provisionedConcurrency");
            json.WriteStartArray("steps");
            foreach (var step in provisioned.Steps)
            {
                json.WriteStartObject();
                json.WriteNumber("atSeconds", step.At.Seconds);
                json.WriteNumber("environments", step.Environments);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (provisioned.RepeatEvery is { } period)
            {
                json.WriteNumber("repeatEverySeconds", period.Seconds);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes a function's reservation, invocation and error probability, where set.</summary>
    public static void Write(Utf8JsonWriter json, FunctionDefinition function)
    {
        if (function.ReservedConcurrency is { } reserved)
        {
            json.WriteNumber("reservedConcurrency", reserved);
        }

        json.WriteString("invocation", function.EffectiveInvocation.Kind);
        if (function.Invocation is SynchronousInvocation { Retry: { } retry })
        {
            json.WriteStartObject("retry");
            json.WriteNumber("maxAttempts", retry.MaxAttempts);
            json.WriteNumber("baseDelayMs", retry.BaseDelay.Milliseconds);
            json.WriteNumber("maxDelayMs", retry.MaxDelay.Milliseconds);
            json.WriteEndObject();
        }
        else if (function.Invocation is AsynchronousInvocation async)
        {
            json.WriteNumber("maxEventAgeSeconds", async.MaxEventAge.Seconds);
            json.WriteNumber("maxRetryAttempts", async.MaxRetryAttempts);
        }

        json.WriteNumber("errorProbability", function.ErrorProbability);
    }

    private static string KeepAlive(KeepAliveOptions keepAlive) => keepAlive switch
    {
        IdleLifetimeKeepAlive l when l == IdleLifetimeKeepAlive.MeasuredAwsLambda2021 => "measuredAwsLambda2021",
        IdleLifetimeKeepAlive l => $"idle lifetime {l.IdleLifetime.Describe()}",
        HybridHistogramKeepAlive h => Invariant($"hybrid histogram ({h.BinWidth.Seconds / 60} min bins over {h.Range.Seconds / 60} min)"),
        _ => keepAlive.Kind,
    };

    private static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
