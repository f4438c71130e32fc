using System.Text.Json;

namespace ServerlessSim.Configuration;

/// <summary>Reads JSON arrays of numbers in a scenario file, reporting each bad element by its index.</summary>
internal static class JsonArrayReader
{
    /// <summary>The numbers of a non-empty array (of exactly <paramref name="exactCount"/> elements if given), each inside <paramref name="range"/>; null (with errors) otherwise.</summary>
    public static double[]? Numbers(JsonElement element, string path, NumberRange range, ValidationErrors errors, int? exactCount = null)
    {
        if (!IsArrayOfLength(element, path, errors, exactCount, "numbers"))
        {
            return null;
        }

        var values = new double[element.GetArrayLength()];
        var valid = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (JsonValueReader.Number(item, $"{path}[{index}]", range, errors) is { } value)
            {
                values[index] = value;
            }
            else
            {
                valid = false;
            }

            index++;
        }

        return valid ? values : null;
    }

    /// <summary>The integers of a non-empty array, each in [<paramref name="min"/>, <paramref name="max"/>]; null (with errors) otherwise.</summary>
    public static int[]? Integers(JsonElement element, string path, int min, int max, ValidationErrors errors)
    {
        if (!IsArrayOfLength(element, path, errors, null, "integers"))
        {
            return null;
        }

        var values = new int[element.GetArrayLength()];
        var valid = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (JsonValueReader.Integer(item, $"{path}[{index}]", min, max, errors) is { } value)
            {
                values[index] = (int)value;
            }
            else
            {
                valid = false;
            }

            index++;
        }

        return valid ? values : null;
    }

    /// <summary>Whether <paramref name="element"/> is a non-empty array (of <paramref name="exactCount"/> elements if given); adds an error if not.</summary>
    public static bool IsArrayOfLength(JsonElement element, string path, ValidationErrors errors, int? exactCount, string what)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 && (exactCount is null || element.GetArrayLength() == exactCount))
        {
            return true;
        }

        var rule = exactCount is { } n ? $"must be an array of exactly {n} {what}" : $"must be a non-empty array of {what}";
        var count = element.ValueKind == JsonValueKind.Array ? $" ({element.GetArrayLength()} given)" : string.Empty;
        errors.AddShown(path, JsonValueReader.Raw(element), rule + count);
        return false;
    }
}
