using System.Text.RegularExpressions;

namespace ServerlessSim.Tests.Robustness;

/// <summary>
/// Every case of the catalogue, through the command in process: exit code 2, one line per problem naming where (the
/// field path, file:line or option), the value and the rule, every problem of the input at once, no stack trace or
/// exception type, nothing on standard output and no file written.
/// </summary>
public partial class BadInputCatalogueTests
{
    [TestCaseSource(typeof(BadInputCatalogue), nameof(BadInputCatalogue.TestCases))]
    public async Task Bad_input_is_refused(BadInput input)
    {
        var run = await BadInputRun.Of(input);

        run.Exit.Should().Be(2, "invalid input exits with code 2; standard error was:\n{0}", run.Err);
        run.Err.Should().StartWith($"serverless-sim: invalid input ({input.Problems} problem{(input.Problems == 1 ? string.Empty : "s")}):");
        run.ProblemLines.Should().HaveCount(input.Problems, "one line per problem:\n{0}", run.Err);
        foreach (var expected in input.Expected)
        {
            run.ProblemLines.Should().Contain(line => expected.All(text => line.Contains(text, StringComparison.Ordinal)),
                "a line should hold {0}; the lines were:\n{1}", string.Join(" ... ", expected), string.Join("\n", run.ProblemLines));
        }

        run.ProblemLines.Should().OnlyContain(line => ProblemLine().IsMatch(line), "each line reads WHERE: VALUE RULE");
        run.Err.Should().NotContain("   at ").And.NotMatchRegex(@"\w+Exception\b").And.NotContain("System.");
        run.Out.Should().BeEmpty("nothing that could be mistaken for results");
        run.FilesAfter.Should().Equal(run.FilesBefore, "nothing is written, to --out or anywhere");
    }

    [Test]
    public void The_catalogue_has_at_least_fifty_cases_of_every_kind_of_input_and_unique_names()
    {
        var kinds = BadInputCatalogue.All.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());

        BadInputCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(50);
        kinds.Keys.Should().BeEquivalentTo(BadInputCatalogue.Kinds);
        BadInputCatalogue.All.Select(c => c.ToString()).Should().OnlyHaveUniqueItems();
    }

    // "where: value rule": a path, file:line or option without spaces (a file name may hold some), then the rest.
    [GeneratedRegex(@"^\S.*?: \S.* \S")]
    private static partial Regex ProblemLine();
}
