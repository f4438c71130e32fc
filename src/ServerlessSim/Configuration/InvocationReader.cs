using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Invocation;

namespace ServerlessSim.Configuration;

/// <summary>
/// Reads a function's <c>invocation</c>: <c>"sync"</c>, <c>"async"</c>, <c>{"type": "sync", "retry": "awsSdkStandard"}</c>,
/// <c>{"type": "sync", "retry": {"maxAttempts": 5, "baseDelayMs": 100, "maxDelayMs": 20000}}</c> or
/// <c>{"type": "async", "maxEventAgeSeconds": 3600, "maxRetryAttempts": 2}</c>.
/// </summary>
internal static class InvocationReader
{
    private static readonly (string Name, bool Value)[] Types = [("sync", false), ("async", true)];
    private static readonly NumberRange DelayMs = new(0, 3_600_000, MinExclusive: true, Unit: "ms");
    private static readonly NumberRange EventAgeSeconds = new(60, 21_600, Unit: "seconds");

    /// <summary>The invocation at <paramref name="path"/>, or null (with errors).</summary>
    public static InvocationOptions? Read(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return JsonValueReader.Choice(element, path, Types, errors) switch
            {
                true => AsynchronousInvocation.Default,
                false => InvocationOptions.Synchronous,
                _ => null,
            };
        }

        bool? isAsync = null;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
        {
            isAsync = JsonValueReader.Choice(type, path + ".type", Types, errors);
        }
        else
        {
            errors.AddShown(element.ValueKind == JsonValueKind.Object ? path + ".type" : path, JsonValueReader.Raw(element),
                "must be \"sync\" or \"async\", or an object with that \"type\" (e.g. {\"type\": \"sync\", \"retry\": \"awsSdkStandard\"})");
            return null;
        }

        var fields = isAsync switch
        {
            true => new[] { "type", "maxEventAgeSeconds", "maxRetryAttempts" },
            false => ["type", "retry"],
            _ => ["type", "retry", "maxEventAgeSeconds", "maxRetryAttempts"],
        };
        if (JsonObjectReader.Open(element, path, fields, errors) is not { } reader || isAsync is null)
        {
            return null;
        }

        if (isAsync.Value)
        {
            var age = reader.Number("maxEventAgeSeconds", EventAgeSeconds);
            var retries = reader.Integer("maxRetryAttempts", 0, AsynchronousInvocation.DefaultMaxRetryAttempts);
            return new AsynchronousInvocation(
                age is { } seconds ? SimDuration.FromSeconds(seconds) : AsynchronousInvocation.DefaultMaxEventAge,
                (int)(retries ?? AsynchronousInvocation.DefaultMaxRetryAttempts));
        }

        return reader.Get("retry") is { } retry ? ReadRetry(retry, reader.PathOf("retry"), errors) is { } options ? new SynchronousInvocation(options) : null
            : InvocationOptions.Synchronous;
    }

    private static ClientRetryOptions? ReadRetry(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return JsonValueReader.Choice(element, path, [("awsSdkStandard", 0)], errors) is not null ? ClientRetryOptions.AwsSdkStandard : null;
        }

        if (JsonObjectReader.Open(element, path, ["maxAttempts", "baseDelayMs", "maxDelayMs"], errors,
                "must be \"awsSdkStandard\" or an object") is not { } reader)
        {
            return null;
        }

        var standard = ClientRetryOptions.AwsSdkStandard;
        var before = errors.All.Count;
        var attempts = reader.Integer("maxAttempts", 1, ClientRetryOptions.MaxAllowedAttempts);
        var baseDelay = reader.Number("baseDelayMs", DelayMs);
        var maxDelay = reader.Number("maxDelayMs", DelayMs);
        if (errors.All.Count != before)
        {
            return null;
        }

        return new ClientRetryOptions(
            (int)(attempts ?? standard.MaxAttempts),
            baseDelay is { } b ? SimDuration.FromMilliseconds(b) : standard.BaseDelay,
            maxDelay is { } m ? SimDuration.FromMilliseconds(m) : standard.MaxDelay);
    }
}
