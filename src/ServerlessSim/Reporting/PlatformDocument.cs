using System.Text.Json;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Contention;

namespace ServerlessSim.Reporting;

/// <summary>The platform fields of an autoscaled policy's entry in the results document: waiting and contention.</summary>
internal static class PlatformDocument
{
    public static void Write(Utf8JsonWriter json, PolicyOptions options)
    {
        var waiting = options.EffectiveWaiting;
        json.WriteStartObject("waiting");
        json.WriteString("kind", Camel(waiting.Kind));
        if (waiting.Kind == Policies.Waiting.WaitingKind.FrontQueue)
        {
            if (waiting.Timeout.IsInfinite)
            {
                json.WriteString("timeoutSeconds", "infinite");
            }
            else
            {
                json.WriteNumber("timeoutSeconds", waiting.Timeout.Seconds);
            }

            if (waiting.Capacity is { } capacity)
            {
                json.WriteNumber("capacity", capacity);
            }
        }

        json.WriteEndObject();
        var contention = options.EffectiveContention;
        json.WriteStartObject("contention");
        json.WriteString("kind", Camel(contention.Kind));
        if (contention.Kind == ContentionKind.Interference)
        {
            json.WriteNumber("alpha", contention.InterferenceAlpha);
        }

        if (contention.Memory is { } memory)
        {
            json.WriteStartObject("memory");
            json.WriteString("perRequestMb", memory.PerRequestMb.Describe());
            json.WriteNumber("baseMb", memory.BaseMb);
            if (memory.LimitMb is { } limit)
            {
                json.WriteNumber("limitMb", limit);
            }
            else
            {
                json.WriteString("limitMb", "function memory");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
