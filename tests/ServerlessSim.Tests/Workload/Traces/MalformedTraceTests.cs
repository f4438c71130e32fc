using ServerlessSim.Configuration;
using ServerlessSim.Workload.Traces;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>Every reader reports each malformed line as file:line with the column, the value and the rule, all problems together.</summary>
public class MalformedTraceTests
{
    internal const string Invocations = "HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f1,http,1,0,2\no,a,f2,timer,1,1,1\n";
    internal const string DurationsHeader =
        "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100";

    internal const string Durations = DurationsHeader + "\no,a,f1,10,3,1,50,1,2,5,10,20,40,50\no,a,f2,10,3,1,50,1,2,5,10,20,40,50\n";
    internal const string Memory = "HashOwner,HashApp,SampleCount,AverageAllocatedMb\no,a,10,200\n";

    [Test]
    public void The_small_valid_2019_directory_loads()
    {
        var workload = Azure2019Trace.Load(Azure2019(Invocations, Durations, Memory));

        workload.Functions.Select(f => (f.Name, f.Invocations, f.MemoryMb)).Should().Equal(("f1", 3L, (double?)200), ("f2", 3L, 200));
    }

    [TestCase("o,a,f1,http,1,x,2", "invocations.csv:2: column 2 value 'x' is not a count (an integer from 0 to 2147483647)")]
    [TestCase("o,a,f1,http,1,-3,2", "invocations.csv:2: column 2 value '-3' is not a count")]
    [TestCase("o,a,f1,http,1,2", "invocations.csv:2: 6 fields do not match the header's 7 columns (HashOwner,HashApp,HashFunction,Trigger,1,2,3)")]
    [TestCase("o,a,f1,,1,0,2", "invocations.csv:2: column Trigger value '' is empty; expected http, timer, event, queue, storage, orchestration or others")]
    [TestCase("o,,f1,http,1,0,2", "invocations.csv:2: column HashApp value '' is empty; every row needs its ids")]
    [TestCase("o,a,f1,\"http,1,0,2", "invocations.csv:2: field 4 has unbalanced quotes")]
    [TestCase("o,a,f2,http,1,0,2", "invocations.csv:3: f2 repeats the ids of line 2; each function (or app) has one row")]
    public void A_bad_invocations_line_is_reported_with_file_line_column_and_value(string line, string expected)
    {
        var directory = Azure2019(Invocations.Replace("o,a,f1,http,1,0,2", line, StringComparison.Ordinal), Durations, Memory);

        Problems(() => Azure2019Trace.Load(directory)).Should().ContainSingle().Which.Should().StartWith(Path.Combine(directory, expected));
    }

    [TestCase("HashOwner,HashApp,HashFunction,Trigger,1,2,4", "invocations.csv:1: column 7 \"4\" is not 3; minute columns must be numbered consecutively")]
    [TestCase("HashOwner,HashApp,Trigger,1,2,3", "invocations.csv:1: HashOwner,HashApp,Trigger,1,2,3 has no column \"HashFunction\"")]
    [TestCase("HashOwner,HashApp,HashFunction,Trigger", "invocations.csv:1: HashOwner,HashApp,HashFunction,Trigger has no minute columns")]
    public void A_bad_invocations_header_is_reported_at_line_1(string header, string expected)
    {
        var directory = Azure2019(Invocations.Replace("HashOwner,HashApp,HashFunction,Trigger,1,2,3", header, StringComparison.Ordinal), Durations, Memory);

        Problems(() => Azure2019Trace.Load(directory)).Should().Contain(p => p.StartsWith(Path.Combine(directory, expected), StringComparison.Ordinal));
    }

    [Test]
    public void Problems_of_all_three_files_are_reported_together()
    {
        var directory = Azure2019(
            Invocations.Replace("1,0,2", "1,0,two", StringComparison.Ordinal),
            Durations.Replace("1,2,5,10,20,40,50\no,a,f2", "1,2,5,4,20,40,50\no,a,f2", StringComparison.Ordinal),
            "HashOwner,HashApp,SampleCount\no,a,10\n");

        Problems(() => Azure2019Trace.Load(directory)).Select(p => p[directory.Length..]).Should().Equal(
            "/durations.csv:2: column percentile_Average_50 value '4' is below percentile_Average_25 (5 ms); percentiles must not decrease",
            "/memory.csv:1: HashOwner,HashApp,SampleCount has no column \"AverageAllocatedMb\"; expected " + Azure2019MemoryHeader,
            "/invocations.csv:2: column 3 value 'two' is not a count (an integer from 0 to 2147483647)");
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_reported_with_their_position()
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(Invocations).ToList();
        bytes.InsertRange(Invocations.IndexOf("f2", StringComparison.Ordinal), new byte[] { 0xFF, 0xFE });
        var directory = TraceSamples.WriteBytes(("invocations.csv", bytes.ToArray()), ("durations.csv", Utf8(Durations)), ("memory.csv", Utf8(Memory)));

        Problems(() => Azure2019Trace.Load(directory)).Should().ContainSingle()
            .Which.Should().Be(Path.Combine(directory, "invocations.csv:3: byte 5 (0xFF) is not UTF-8 text; save the file as UTF-8"));
    }

    [Test]
    public void An_empty_file_and_a_missing_directory_are_reported()
    {
        var directory = Azure2019(Invocations, string.Empty, Memory);

        Problems(() => Azure2019Trace.Load(directory)).Should().ContainSingle()
            .Which.Should().StartWith(Path.Combine(directory, "durations.csv:1: (empty file) has no header; expected HashOwner,HashApp,HashFunction,"));
        Problems(() => Azure2019Trace.Load(Path.Combine(directory, "nowhere"))).Should().ContainSingle().Which.Should().EndWith("nowhere\" directory not found");
    }

    [Test]
    public void Past_twenty_problems_the_rest_are_counted_not_listed()
    {
        var rows = string.Concat(Enumerable.Range(3, 30).Select(i => $"o,a,g{i},http,1,x,1\n"));
        var directory = Azure2019(Invocations + rows, Durations, Memory);

        var problems = Problems(() => Azure2019Trace.Load(directory));

        problems.Should().HaveCount(TraceProblems.MaxShown + 1);
        problems[^1].Should().Be($"{Path.Combine(directory, "invocations.csv")}: 10 more problems are not listed (only the first 20 are); fix these and read again");
    }

    [Test]
    public void A_function_without_a_durations_row_is_left_out_and_noted()
    {
        var directory = Azure2019(Invocations, DurationsHeader + "\no,a,f1,10,3,1,50,1,2,5,10,20,40,50\n", Memory);

        var workload = Azure2019Trace.Load(directory);

        workload.Functions.Select(f => f.Name).Should().Equal("f1");
        workload.Notes.Should().ContainSingle().Which.Should().StartWith("1 functions that passed the filters have no row in");
    }

    [TestCase("app,func,end_timestamp,duration\na,f,10,-1\n", "t.csv:2: column duration value '-1' is not a duration in seconds (a number from 0 to 1000000)")]
    [TestCase("app,func,end_timestamp,duration\na,f,ten,1\n", "t.csv:2: column end_timestamp value 'ten' is not a time in seconds (a number)")]
    [TestCase("app,func,end_timestamp\na,f,10\n", "t.csv:1: app,func,end_timestamp has no column \"duration\"; expected app,func,end_timestamp,duration")]
    [TestCase("app,func,end_timestamp,duration\n,f,10,1\n", "t.csv:2: column app value '' is empty; every row needs its app and func ids")]
    [TestCase("app,func,end_timestamp,duration\n", "t.csv: (no rows) has no invocations to replay")]
    public void A_bad_2021_line_is_reported(string content, string expected)
    {
        var directory = TraceSamples.Write(("t.csv", content));

        Problems(() => Azure2021Trace.Load(Path.Combine(directory, "t.csv"))).Should().ContainSingle().Which.Should().Be(Path.Combine(directory, expected));
    }

    [TestCase("timestamp,duraton\n1,2\n", "t.csv:1: column 2 \"duraton\" is not a known column; did you mean \"duration\"?")]
    [TestCase("function,duration\nf,2\n", "t.csv:1: function,duration has no column \"timestamp\"; expected timestamp,function,duration")]
    [TestCase("timestamp,timestamp\n1,2\n", "t.csv:1: column 2 \"timestamp\" is given more than once; give each column once")]
    [TestCase("timestamp,function\n1.5e,f\n", "t.csv:2: column timestamp value '1.5e' is not a time in seconds (a number)")]
    [TestCase("timestamp,function\n1,\n", "t.csv:2: column function value '' is empty; name the function, or leave out the function column for a single function")]
    [TestCase("timestamp\n1\nNaN\n", "t.csv:3: column timestamp value 'NaN' is not a time in seconds (a number)")]
    public void A_bad_csv_line_is_reported(string content, string expected)
    {
        var directory = TraceSamples.Write(("t.csv", content));

        Problems(() => CsvTrace.Load(Path.Combine(directory, "t.csv"))).Should().Contain(Path.Combine(directory, expected));
    }

    [Test]
    public void Selecting_nothing_is_reported()
    {
        var directory = TraceSamples.Write(("t.csv", "timestamp\n1\n"));

        Problems(() => CsvTrace.Load(Path.Combine(directory, "t.csv"), new TraceReplayOptions { Triggers = ["http"] })).Should().Equal(
            $"options: 1 function(s) in {Path.Combine(directory, "t.csv")} but none passes the selection (functionIds, triggers, sample): nothing to replay");
    }

    private static string Azure2019MemoryHeader => "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,...,AverageAllocatedMb_pct100";

    private static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);

    private static string Azure2019(string invocations, string durations, string memory) =>
        TraceSamples.Write(("invocations.csv", invocations), ("durations.csv", durations), ("memory.csv", memory));

    private static List<string> Problems(Action load) =>
        FluentActions.Invoking(load).Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).ToList();
}
