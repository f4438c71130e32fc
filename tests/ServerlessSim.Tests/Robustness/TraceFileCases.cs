using ServerlessSim.Tests.Workload.Traces;
using static ServerlessSim.Tests.Robustness.BadInput;

namespace ServerlessSim.Tests.Robustness;

/// <summary>Bad traces given to <c>replay</c>: the Azure Functions 2019 directory, the 2021 file and the generic CSV.</summary>
/// <remarks>Each case is one edit of a small valid trace; problems are named file:line with the column, the value and the rule.</remarks>
internal static class TraceFileCases
{
    public const string Azure2019 = "trace: Azure 2019";
    public const string Azure2021 = "trace: Azure 2021";
    public const string Csv = "trace: CSV";

    private const string Invocations = MalformedTraceTests.Invocations;
    private const string Durations = MalformedTraceTests.Durations;
    private const string Memory = MalformedTraceTests.Memory;
    private const string Row = "o,a,f1,http,1,0,2";
    private const string Valid2021 = "app,func,end_timestamp,duration\na,f,10,1\na,g,12,0.5\n";

    public static IEnumerable<BadInput> All() => Azure2019Cases().Concat(Azure2021Cases()).Concat(CsvCases());

    private static IEnumerable<BadInput> Azure2019Cases()
    {
        yield return Day("a count that is not a number", Invocations.Replace(Row, "o,a,f1,http,1,x,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "column 2 value 'x'", "is not a count (an integer from 0 to 2147483647)"]);
        yield return Day("a negative count", Invocations.Replace(Row, "o,a,f1,http,1,-3,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "column 2 value '-3'", "is not a count"]);
        yield return Day("a count beyond 32 bits", Invocations.Replace(Row, "o,a,f1,http,1,99999999999,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "value '99999999999'", "is not a count"]);
        yield return Day("a row cut short (wrong column count)", Invocations.Replace(Row, "o,a,f1,http,1,0", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "6 fields", "do not match the header's 7 columns"]);
        yield return Day("a row with an extra column", Invocations.Replace(Row, Row + ",5", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "8 fields", "do not match the header's 7 columns"]);
        yield return Day("unbalanced quotes", Invocations.Replace(Row, "o,a,f1,\"http,1,0,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "field 4", "has unbalanced quotes"]);
        yield return Day("an empty trigger", Invocations.Replace(Row, "o,a,f1,,1,0,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:2: ", "column Trigger value ''", "is empty"]);
        yield return Day("a function listed twice", Invocations.Replace("o,a,f2,", "o,a,f1,", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:3: ", "f1", "repeats the ids of line 2"]);
        yield return Day("minute columns out of order", Invocations.Replace("Trigger,1,2,3", "Trigger,1,3,2", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:1: ", "column 6 \"3\"", "is not 2; minute columns must be numbered consecutively"]);
        yield return Day("a header without HashFunction", Invocations.Replace("HashApp,HashFunction,", "HashApp,", StringComparison.Ordinal), Durations, Memory, 1,
            ["trace/invocations.csv:1: ", "has no column \"HashFunction\""]);
        yield return Day("an empty durations file", Invocations, string.Empty, Memory, 1,
            ["trace/durations.csv:1: ", "(empty file)", "has no header"]);
        yield return Day("percentiles that decrease", Invocations, Durations.Replace("1,2,5,10,20,40,50\no,a,f2", "1,2,5,4,20,40,50\no,a,f2", StringComparison.Ordinal), Memory, 1,
            ["trace/durations.csv:2: ", "column percentile_Average_50 value '4'", "percentiles must not decrease"]);
        yield return Case(Azure2019, "bytes that are not UTF-8", [
                File("trace/invocations.csv", () => [.. Utf8(Invocations[..^10]), 0xC3, 0x28, .. Utf8(Invocations[^10..])]),
                File("trace/durations.csv", Durations), File("trace/memory.csv", Memory)],
            Args("azure2019", "trace"), 1, ["trace/invocations.csv:3: ", "(0xC3)", "is not UTF-8 text"]);
        yield return Day("problems in all three files, reported together",
            Invocations.Replace("1,0,2", "1,0,two", StringComparison.Ordinal),
            Durations.Replace("1,2,5,10,20,40,50\no,a,f2", "1,2,5,4,20,40,50\no,a,f2", StringComparison.Ordinal),
            "HashOwner,HashApp,SampleCount\no,a,10\n", 3,
            ["trace/durations.csv:2: "], ["trace/memory.csv:1: ", "has no column \"AverageAllocatedMb\""], ["trace/invocations.csv:2: ", "'two'"]);
        yield return Day("thirty bad rows: twenty listed, the rest counted",
            Invocations + string.Concat(Enumerable.Range(3, 30).Select(i => $"o,a,g{i},http,1,x,1\n")), Durations, Memory, 21,
            ["trace/invocations.csv: ", "10 more problems", "are not listed (only the first 20 are)"]);
        yield return Case(Azure2019, "a 20 MB line", [
                File("trace/invocations.csv", () => Utf8(Invocations + new string('1', 20 << 20) + "\n")),
                File("trace/durations.csv", Durations), File("trace/memory.csv", Memory)],
            Args("azure2019", "trace"), 1, ["trace/invocations.csv:4: ", "cannot be read: line 4 is longer than 16 MiB; is this a CSV file?"]);
        yield return Case(Azure2019, "a directory that does not exist", [], Args("azure2019", "nowhere"), 1, ["nowhere: ", "directory not found"]);
        yield return Case(Azure2019, "a file given as the directory", [File("t.csv", Valid2021)], Args("azure2019", "t.csv"), 1,
            ["t.csv: ", "is a file; give the directory holding the trace's CSV files"]);
        yield return Case(Azure2019, "a directory without the trace's files", [Folder("trace")], Args("azure2019", "trace"), 2,
            ["trace: ", "has no invocations.csv"], ["trace: ", "has no durations.csv"]);
    }

    private static IEnumerable<BadInput> Azure2021Cases()
    {
        yield return File2021("a negative duration", Valid2021.Replace("a,f,10,1", "a,f,10,-1", StringComparison.Ordinal), 1,
            ["t.csv:2: ", "column duration value '-1'", "is not a duration in seconds (a number from 0 to 1000000)"]);
        yield return File2021("an end time that is not a number", Valid2021.Replace("a,f,10,1", "a,f,ten,1", StringComparison.Ordinal), 1,
            ["t.csv:2: ", "column end_timestamp value 'ten'", "is not a time in seconds"]);
        yield return File2021("an end time of Infinity", Valid2021.Replace("a,f,10,1", "a,f,Infinity,1", StringComparison.Ordinal), 1,
            ["t.csv:2: ", "value 'Infinity'", "is not a time in seconds"]);
        yield return File2021("a header without duration", "app,func,end_timestamp\na,f,10\n", 1,
            ["t.csv:1: ", "has no column \"duration\"; expected app,func,end_timestamp,duration"]);
        yield return File2021("an empty app id", Valid2021.Replace("a,f,10,1", ",f,10,1", StringComparison.Ordinal), 1,
            ["t.csv:2: ", "column app value ''", "is empty; every row needs its app and func ids"]);
        yield return File2021("a header and no rows", "app,func,end_timestamp,duration\n", 1, ["t.csv: ", "(no rows)", "has no invocations to replay"]);
        yield return File2021("an empty file", string.Empty, 1, ["t.csv:1: ", "(empty file)", "has no header"]);
        yield return File2021("a row cut short", Valid2021 + "a,h,13", 1, ["t.csv:4: ", "3 fields", "do not match the header's 4 columns"]);
        yield return File2021("timestamps in milliseconds", "app,func,end_timestamp,duration\na,f,1700000000000,1\na,g,1700086400000,1\n", 2,
            ["t.csv:2: ", "column end_timestamp value '1700000000000'", "are the times in milliseconds or nanoseconds? give seconds"],
            ["t.csv:3: ", "value '1700086400000'"]);
        yield return File2021("timestamps spanning 1,600 years", "app,func,end_timestamp,duration\na,f,0,1\na,g,50000000000,1\n", 1,
            ["t.csv: ", "timestamps from -1 to 49999999999 s", "span more than 1000000000 s once scaled, the longest replay"]);
        yield return File2021("a duration of 1e300 s", "app,func,end_timestamp,duration\na,f,3,1e300\na,g,3,1\n", 1,
            ["t.csv:2: ", "column duration value '1e300'", "is not a duration in seconds (a number from 0 to 1000000)"]);
        yield return Case(Azure2021, "a 10 MB function id", [File("t.csv", () => Utf8(Valid2021.Replace("a,g,", "a," + new string('g', 10_000_000) + ",", StringComparison.Ordinal)))],
            Args("azure2021", "t.csv"), 1, ["t.csv:3: ", "column func value 'gggg", "is 10000000 bytes long; an id is a name of at most 256 bytes"]);
    }

    private static IEnumerable<BadInput> CsvCases()
    {
        yield return FileCsv("a misspelt column", "timestamp,duraton\n1,2\n", 1, ["t.csv:1: ", "column 2 \"duraton\"", "did you mean \"duration\"?"]);
        yield return FileCsv("no timestamp column", "function,duration\nf,2\n", 1, ["t.csv:1: ", "has no column \"timestamp\""]);
        yield return FileCsv("a column given twice", "timestamp,timestamp\n1,2\n", 1, ["t.csv:1: ", "column 2 \"timestamp\"", "is given more than once"]);
        yield return FileCsv("a malformed number", "timestamp,function\n1.5e,f\n", 1, ["t.csv:2: ", "column timestamp value '1.5e'", "is not a time in seconds"]);
        yield return FileCsv("NaN as a timestamp", "timestamp\n1\nNaN\n", 1, ["t.csv:3: ", "value 'NaN'", "is not a time in seconds"]);
        yield return FileCsv("an empty function", "timestamp,function\n1,\n", 1, ["t.csv:2: ", "column function value ''", "is empty; name the function"]);
        yield return FileCsv("a negative duration", "timestamp,duration\n1,-0.5\n", 1, ["t.csv:2: ", "column duration value '-0.5'", "a number from 0 to 1000000"]);
        yield return FileCsv("an empty file", string.Empty, 1, ["t.csv:1: ", "(empty file)", "has no header; expected timestamp,function,duration"]);
        yield return FileCsv("a last line cut short", "timestamp,function,duration\n1,f,0.1\n2,f", 1, ["t.csv:3: ", "2 fields", "do not match the header's 3 columns"]);
        yield return FileCsv("a line with more fields than the header", "timestamp,function\n1,f,extra\n", 1, ["t.csv:2: ", "3 fields", "do not match the header's 2 columns"]);
        yield return Case(Csv, "bytes that are not UTF-8", [File("t.csv", () => [.. Utf8("timestamp,function\n1,f"), 0xFF, .. Utf8("\n")])], Args("csv", "t.csv"), 1,
            ["t.csv:2: ", "byte 4 (0xFF)", "is not UTF-8 text; save the file as UTF-8"]);
        yield return FileCsv("seconds since 1970 in nanoseconds", "timestamp\n1700000000000000000\n", 1,
            ["t.csv:2: ", "value '1700000000000000000'", "is 1e11 s or more (over 3,000 years)"]);
        yield return Case(Csv, "a selection that keeps nothing", [File("t.csv", "timestamp,function\n1,f\n")], [.. Args("csv", "t.csv"), "--functions", "id:zzz"], 1,
            ["--functions: ", "1 function(s) in t.csv", "but none passes the selection"]);
        yield return Case(Csv, "a rate scale that makes 2e8 arrivals of one function", [File("t.csv", () => Utf8("timestamp\n" + string.Concat(Enumerable.Repeat("1\n", 200_000))))],
            [.. Args("csv", "t.csv"), "--rate-scale", "1000"], 1, ["--rate-scale: ", "1000", "makes function t replay 2e+8 arrivals; a function replays at most 1e+8"]);
        yield return Case(Csv, "a directory given as the file", [Folder("t.csv")], Args("csv", "t.csv"), 1, ["t.csv: ", "is a directory, not a CSV file"]);
        yield return Case(Csv, "a file that does not exist", [], Args("csv", "t.csv"), 1, ["t.csv: ", "file not found"]);
    }

    private static string[] Args(string format, string path) => ["replay", format, $"{Dir}/{path}", "--out", $"{Dir}/out"];

    private static BadInput Day(string name, string invocations, string durations, string memory, int problems, params string[][] expected) =>
        Case(Azure2019, name, [File("trace/invocations.csv", invocations), File("trace/durations.csv", durations), File("trace/memory.csv", memory)],
            Args("azure2019", "trace"), problems, expected);

    private static BadInput File2021(string name, string content, int problems, params string[][] expected) =>
        Case(Azure2021, name, [File("t.csv", content)], Args("azure2021", "t.csv"), problems, expected);

    private static BadInput FileCsv(string name, string content, int problems, params string[][] expected) =>
        Case(Csv, name, [File("t.csv", content)], Args("csv", "t.csv"), problems, expected);
}
