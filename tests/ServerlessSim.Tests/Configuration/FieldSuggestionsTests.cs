using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Configuration;

public class FieldSuggestionsTests
{
    [TestCase("", "", 0)]
    [TestCase("abc", "", 3)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("horizonSecond", "horizonSeconds", 1)]
    [TestCase("flaw", "lawn", 2)]
    public void Distance_is_the_levenshtein_distance(string a, string b, int expected)
    {
        FieldSuggestions.Distance(a, b).Should().Be(expected);
        FieldSuggestions.Distance(b, a).Should().Be(expected);
    }

    [TestCase("HORIZONSECONDS", "horizonSeconds")]
    [TestCase("warmupSecs", "warmUpSeconds")]
    [TestCase("polices", "policies")]
    [TestCase("timeline", null)]
    public void Suggests_the_nearest_field_within_three_edits_ignoring_case(string written, string? expected) =>
        FieldSuggestions.Closest(written, ["name", "horizonSeconds", "warmUpSeconds", "policies"]).Should().Be(expected);
}
