using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

/// <summary>Each platform's rounding of one billed period, at its boundaries.</summary>
public class MeteredTimeTests
{
    // period (s) -> billed ms at 1 ms (Lambda), at 100 ms (Cloud Run), at 1,000 ms minimum then 100 ms (Azure Flex)
    [TestCase(0.0, 0, 0, 1000)]
    [TestCase(0.0004, 1, 100, 1000)]
    [TestCase(0.001, 1, 100, 1000)]
    [TestCase(0.0011, 2, 100, 1000)]
    [TestCase(0.0999, 100, 100, 1000)]
    [TestCase(0.1, 100, 100, 1000)]
    [TestCase(0.1001, 101, 200, 1000)]
    [TestCase(0.9999, 1000, 1000, 1000)]
    [TestCase(1.0, 1000, 1000, 1000)]
    [TestCase(1.0001, 1001, 1100, 1100)]
    [TestCase(1.25, 1250, 1300, 1300)]
    [TestCase(300.0, 300_000, 300_000, 300_000)]
    public void Rounds_each_period_up_to_its_platforms_step(double seconds, long ms1, long ms100, long msAzure)
    {
        var metered = MeteredTime.Of(seconds);

        metered.Should().Be(new MeteredTime(1, seconds, ms1, ms100, msAzure));
    }

    [Test]
    public void A_length_a_hair_over_a_step_from_floating_point_is_not_billed_another_step()
    {
        var computed = 1.1 - 1.0; // 0.10000000000000009

        MeteredTime.Of(computed).Should().BeEquivalentTo(new { BilledMsPer1Ms = 100, BilledMsPer100Ms = 100 });
        MeteredTime.Of(0.5 + 1e-12).BilledMsPer1Ms.Should().Be(500);
    }

    [Test]
    public void Rounding_is_per_period_so_short_periods_cost_more_than_their_total()
    {
        var two = MeteredTime.Of(0.05, 0.05);

        two.ExactSeconds.Should().BeApproximately(0.1, 1e-15);
        two.BilledMsPer1Ms.Should().Be(100);
        two.BilledMsPer100Ms.Should().Be(200);
        two.BilledMsMin1000Per100Ms.Should().Be(2000);
    }

    [Test]
    public void Repeat_is_the_same_as_adding_the_period_count_times()
    {
        MeteredTime.Repeat(0.1234, 5).Should().BeEquivalentTo(
            MeteredTime.Of(0.1234, 0.1234, 0.1234, 0.1234, 0.1234),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        MeteredTime.Repeat(0.1, 1_000_000).Should().Be(new MeteredTime(1_000_000, 100_000, 100_000_000, 100_000_000, 1_000_000_000));
    }

    [TestCase(-0.001)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_period_must_be_a_finite_length(double seconds)
    {
        var act = () => MeteredTime.Of(seconds);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*finite number of seconds*");
    }
}
