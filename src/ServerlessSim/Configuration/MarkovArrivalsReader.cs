using System.Text.Json;
using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Reads the bursty arrival processes of a scenario file: <c>onOff</c> and <c>markovModulated</c> (by states, or by rates and a generator matrix).</summary>
internal static class MarkovArrivalsReader
{
    private static readonly string[] StateFields = ["ratePerSecond", "meanSojournSeconds", "nextStateProbabilities"];
    private static readonly NumberRange Probability = new(0, 1);
    private static readonly NumberRange AnyRate = new(-ScenarioValidator.MaxRatePerSecond, ScenarioValidator.MaxRatePerSecond, Unit: "per second");

    // Rows of jump probabilities may miss 1 by this much (decimal fractions such as 0.1 + 0.2 do not sum exactly).
    private const double SumTolerance = 1e-9;

    /// <summary>An on/off process, or null (with errors).</summary>
    public static MarkovModulatedArrivals? ReadOnOff(JsonObjectReader reader)
    {
        var on = reader.Number("onRatePerSecond", ArrivalsReader.Rate, required: true);
        var meanOn = reader.Number("meanOnSeconds", ArrivalsReader.Length, required: true);
        var meanOff = reader.Number("meanOffSeconds", ArrivalsReader.Length, required: true);
        var off = reader.Number("offRatePerSecond", ArrivalsReader.Rate) ?? 0;
        return on is { } r && meanOn is { } tOn && meanOff is { } tOff
            ? MarkovModulatedArrivals.FromSojourns([r, off], [tOn, tOff], [[0, 1], [1, 0]])
            : null;
    }

    /// <summary>A Markov-modulated Poisson process, or null (with errors).</summary>
    public static MarkovModulatedArrivals? ReadMarkovModulated(JsonObjectReader reader, ValidationErrors errors)
    {
        var byStates = reader.Get("states");
        var byMatrix = reader.Has("ratesPerSecond") || reader.Has("transitionRatesPerSecond");
        if (byStates is { } states && byMatrix)
        {
            errors.AddShown(reader.PathOf("states"), JsonValueReader.Raw(states), "cannot be given with ratesPerSecond and transitionRatesPerSecond; give one form or the other");
            return null;
        }

        if (byStates is { } statesElement)
        {
            return ReadStates(statesElement, reader.PathOf("states"), errors);
        }

        var rates = reader.Get("ratesPerSecond", required: true, "give ratesPerSecond and transitionRatesPerSecond, or states") is { } r
            ? JsonArrayReader.Numbers(r, reader.PathOf("ratesPerSecond"), ArrivalsReader.Rate, errors)
            : null;
        var matrixPath = reader.PathOf("transitionRatesPerSecond");
        var matrix = reader.Get("transitionRatesPerSecond", required: true, "give an n x n array of jump rates per second") is { } m && rates is not null
            ? ReadMatrix(m, matrixPath, rates.Length, errors)
            : null;
        if (rates is null || matrix is null || !CheckStates(rates.Length, matrix, matrixPath, JsonValueReader.Raw(reader.Get("transitionRatesPerSecond")!.Value), errors))
        {
            return null;
        }

        return new MarkovModulatedArrivals(rates, matrix);
    }

    private static MarkovModulatedArrivals? ReadStates(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < 2)
        {
            errors.AddShown(path, JsonValueReader.Raw(element),
                "must be an array of at least 2 states, each {\"ratePerSecond\", \"meanSojournSeconds\", \"nextStateProbabilities\"} (one state is plain poisson)");
            return null;
        }

        var n = element.GetArrayLength();
        var rates = new double[n];
        var sojourns = new double[n];
        var jumps = new double[n][];
        var valid = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            if (JsonObjectReader.Open(item, itemPath, StateFields, errors) is not { } state)
            {
                valid = false;
                index++;
                continue;
            }

            // Every field is read, so that all of a state's problems are reported at once.
            var rate = state.Number("ratePerSecond", ArrivalsReader.Rate, required: true);
            var sojourn = state.Number("meanSojournSeconds", ArrivalsReader.Length, required: true);
            var row = ReadJumps(state, index, n, errors);
            if (rate is { } r && sojourn is { } s && row is not null)
            {
                (rates[index], sojourns[index], jumps[index]) = (r, s, row);
            }
            else
            {
                valid = false;
            }

            index++;
        }

        if (!valid)
        {
            return null;
        }

        var generator = jumps.Select((row, i) => row.Select(p => p / sojourns[i]).ToArray()).ToArray();
        return CheckStates(n, generator, path, JsonValueReader.Raw(element), errors)
            ? MarkovModulatedArrivals.FromSojourns(rates, sojourns, jumps)
            : null;
    }

    // A state's jump probabilities: given, or with two states implied (always to the other one).
    private static double[]? ReadJumps(JsonObjectReader state, int index, int n, ValidationErrors errors)
    {
        var path = state.PathOf("nextStateProbabilities");
        if (state.Get("nextStateProbabilities", required: n > 2, $"give {n} probabilities, 0 for state {index} itself, summing to 1") is not { } element)
        {
            return n == 2 ? (index == 0 ? [0, 1] : [1, 0]) : null;
        }

        if (JsonArrayReader.Numbers(element, path, Probability, errors, n) is not { } row)
        {
            return null;
        }

        if (row[index] != 0)
        {
            errors.AddShown($"{path}[{index}]", JsonValueReader.Raw(element[index]), $"must be 0: a jump from state {index} goes to another state (the sojourn time already covers staying)");
            return null;
        }

        if (Math.Abs(row.Sum() - 1) > SumTolerance)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), $"must sum to 1 (sums to {ValidationErrors.Show(row.Sum())})");
            return null;
        }

        return row;
    }

    private static double[][]? ReadMatrix(JsonElement element, string path, int n, ValidationErrors errors)
    {
        if (!JsonArrayReader.IsArrayOfLength(element, path, errors, n, $"rows (one per state, {n} states in ratesPerSecond)"))
        {
            return null;
        }

        var rows = element.EnumerateArray().Select((row, i) => JsonArrayReader.Numbers(row, $"{path}[{i}]", AnyRate, errors, n)).ToArray();
        if (rows.Any(r => r is null))
        {
            return null;
        }

        var valid = true;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && rows[i]![j] < 0)
                {
                    errors.AddShown($"{path}[{i}][{j}]", JsonValueReader.Raw(element[i][j]), "must be at least 0: off the diagonal, entries are jump rates (the diagonal is ignored)");
                    valid = false;
                }
            }
        }

        return valid ? rows.Select(r => r!).ToArray() : null;
    }

    // At least 2 states, and every state reachable from every other, so the chain has a unique long-run behaviour.
    private static bool CheckStates(int n, double[][] generator, string path, string shown, ValidationErrors errors)
    {
        if (n < 2)
        {
            errors.AddShown(path, shown, "must describe at least 2 states (one state is plain poisson)");
            return false;
        }

        if (MarkovModulatedArrivals.FindUnreachable(generator) is (int from, int to))
        {
            errors.AddShown(path, shown, $"must let every state reach every other, but state {to} cannot be reached from state {from}");
            return false;
        }

        return true;
    }
}
