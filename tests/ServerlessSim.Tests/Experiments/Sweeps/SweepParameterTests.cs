using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Tests.Experiments.Sweeps;

public class SweepParameterTests
{
    [Test]
    public void Values_are_json_where_they_are_json_and_strings_otherwise()
    {
        var parameter = SweepParameter.Parse("function.keepAliveSeconds=60, 6e2 ,infinite,\"a,b\",[1, 2],{\"x\": [3,4]}");

        parameter.Path.Should().Be("function.keepAliveSeconds");
        parameter.Values.Should().Equal("60", "6e2", "\"infinite\"", "\"a,b\"", "[1,2]", "{\"x\":[3,4]}");
        parameter.Source.Should().Be("--set function.keepAliveSeconds=60, 6e2 ,infinite,\"a,b\",[1, 2],{\"x\": [3,4]}");
        parameter.Values.Select(SweepParameter.Display).Should().Equal("60", "6e2", "infinite", "a,b", "[1,2]", "{\"x\":[3,4]}");
    }

    [TestCase("policies[1].maxConcurrentPerInstance", "must be PATH=VALUE")]
    [TestCase("=1,2", "must be PATH=VALUE")]
    [TestCase("policies[1]..k=1", "empty field name")]
    [TestCase("policies[x].k=1", "an index must be a whole number")]
    [TestCase("policies[1.k=1", "without its ']'")]
    [TestCase("policies[1]k=1", "needs a '.'")]
    [TestCase("seed=1,,2", "has an empty value")]
    public void A_malformed_argument_names_the_set_argument_and_the_rule(string argument, string rule)
    {
        var act = () => SweepParameter.Parse(argument);

        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("--set " + argument);
        error.Rule.Should().Contain(rule);
    }
}
