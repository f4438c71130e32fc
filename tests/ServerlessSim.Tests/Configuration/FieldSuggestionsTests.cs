using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Configuration;

public class FieldSuggestionsTests
{
    [TestCase("", "", 0)]
    [TestCase("abc", "", 3)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("horizonSecond", "horizonSeconds", 1)]
    [TestCase("flaw", "lawn", 2)]
    [TestCase("vaule", "value", 1)]
    [TestCase("ca", "abc", 3)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps_of_neighbours(string a, string b, int expected)
    {
        FieldSuggestions.Distance(a, b).Should().Be(expected);
        FieldSuggestions.Distance(b, a).Should().Be(expected);
    }

    [TestCase("HORIZONSECONDS", "horizonSeconds")]
    [TestCase("warmupSecs", "warmUpSeconds")]
    [TestCase("polices", "policies")]
    [TestCase("timeline", null)]
    [TestCase("nmae", "name")]
    [TestCase("nam", "name")]
    [TestCase("xyz", null)]
    public void Suggests_the_nearest_field_within_an_edit_per_three_characters_up_to_three_ignoring_case(string written, string? expected) =>
        FieldSuggestions.Closest(written, ["name", "horizonSeconds", "warmUpSeconds", "policies"]).Should().Be(expected);
}
