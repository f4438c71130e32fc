using static ServerlessSim.Tests.Robustness.BadInput;

namespace ServerlessSim.Tests.Robustness;

/// <summary>Bad price table files given to <c>--prices</c>: problems named file:json.path (file:line for malformed JSON).</summary>
internal static class PriceTableCases
{
    public const string Kind = "price table";

    private const string Row = "\"x86UsdPerGbSecond\": { \"value\": 0.00001, \"source\": \"https://aws.amazon.com/lambda/pricing/\", \"date\": \"2026-11-27\" }";

    public static IEnumerable<BadInput> All()
    {
        yield return Prices("a negative price", Lambda(Row.Replace("0.00001", "-1", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.value: ", "-1", "must be a number from 0 to 1000000 (USD per GB-second)"]);
        yield return Prices("a price beyond a decimal", Lambda(Row.Replace("0.00001", "1e400", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.value: ", "1e400", "must be a number from 0 to 1000000"]);
        yield return Prices("a price as a string", Lambda(Row.Replace("0.00001", "\"cheap\"", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.value: ", "\"cheap\"", "must be a number"]);
        yield return Prices("a row without its date", Lambda(Row.Replace(", \"date\": \"2026-11-27\"", string.Empty, StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.date: ", "(missing)", "is required"]);
        yield return Prices("a date that is not yyyy-mm-dd", Lambda(Row.Replace("2026-11-27", "27/11/2026", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.date: ", "\"27/11/2026\"", "must be a date written yyyy-mm-dd"]);
        yield return Prices("an impossible date", Lambda(Row.Replace("2026-11-27", "2026-02-30", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.date: ", "\"2026-02-30\"", "must be a date"]);
        yield return Prices("an empty source", Lambda(Row.Replace("https://aws.amazon.com/lambda/pricing/", " ", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.source: ", "must be a non-empty string"]);
        yield return Prices("a misspelt section", $"{{ \"lamda\": {{ {Row} }} }}", 1, ["p.json:lamda: ", "\"lamda\"", "did you mean \"lambda\"?"]);
        yield return Prices("a misspelt row", Lambda(Row.Replace("x86UsdPerGbSecond", "x86UsdPerGBSecond", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGBSecond: ", "did you mean \"x86UsdPerGbSecond\"?"]);
        yield return Prices("tiers on a row without tiers", $"{{ \"sqs\": {{ \"requestUsdPerMillion\": {{ \"value\": 0.4, \"tiers\": [ {{ \"above\": 1e9, \"value\": 0.3 }} ], \"source\": \"s\", \"date\": \"2026-11-27\" }} }} }}", 1,
            ["p.json:sqs.requestUsdPerMillion.tiers: ", "1 tier(s)", "are not allowed here"]);
        yield return Prices("tiers that do not increase", Lambda(Row.Replace("\"source\"", "\"tiers\": [ { \"above\": 2e9, \"value\": 0.000009 }, { \"above\": 1e9, \"value\": 0.000008 } ], \"source\"", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.tiers[1].above: ", "must be greater than"]);
        yield return Prices("a tier threshold of 0", Lambda(Row.Replace("\"source\"", "\"tiers\": [ { \"above\": 0, \"value\": 0.000009 } ], \"source\"", StringComparison.Ordinal)), 1,
            ["p.json:lambda.x86UsdPerGbSecond.tiers[0].above: ", "0", "greater than 0"]);
        yield return Prices("a document that is an array", "[1, 2]", 1, ["p.json: ", "[1, 2]", "must be a price table"]);
        yield return Prices("malformed JSON", "{ \"lambda\": { \"x86UsdPerGbSecond\": { \"value\": 0.00001,, } } }", 1, ["p.json:1: ", "is not valid JSON at column"]);
        yield return Prices("an empty file", string.Empty, 1, ["p.json:1: ", "the file is empty"]);
        yield return Case(Kind, "bytes that are not UTF-8", [File("p.json", () => [.. Utf8("{ \"lambda\": {"), 0xFE, .. Utf8("} }")])], Args, 1,
            ["p.json:1: ", "byte 14 (0xFE)", "is not UTF-8 text"]);
        yield return Prices("three problems at once", $"{{ \"lambda\": {{ {Row.Replace("0.00001", "-1", StringComparison.Ordinal).Replace(", \"date\": \"2026-11-27\"", string.Empty, StringComparison.Ordinal)} }}, \"sqss\": {{}} }}", 3,
            ["p.json:lambda.x86UsdPerGbSecond.value: -1 "], ["p.json:lambda.x86UsdPerGbSecond.date: (missing)"], ["p.json:sqss: ", "did you mean \"sqs\"?"]);
        yield return Case(Kind, "a directory given as the file", [Folder("p.json")], Args, 1, ["p.json: ", "is a directory, not a price table file"]);
        yield return Case(Kind, "a file that does not exist", [], Args, 1, ["p.json: ", "file not found"]);
    }

    private static string[] Args => ["compare", "--prices", $"{Dir}/p.json", "--out", $"{Dir}/out"];

    private static string Lambda(string row) => $"{{ \"lambda\": {{ {row} }} }}";

    private static BadInput Prices(string name, string json, int problems, params string[][] expected) => Case(Kind, name, [File("p.json", json)], Args, problems, expected);
}
