using ServerlessSim.Configuration;
using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

public class PriceTableTests
{
    [Test]
    public void The_shipped_table_has_every_row_each_with_a_source_and_a_date()
    {
        var table = PriceTable.Default;

        table.Rows.Select(r => r.Key).Should().Equal(typeof(PriceKeys).GetFields().Select(f => (string)f.GetValue(null)!));
        table.Rows.Should().OnlyContain(r => r.Source.StartsWith("https://", StringComparison.Ordinal) && r.Date == "2026-11-26");
        table.AsOf.Should().Be("2026-11-26");
        table.Source.Should().Be("built-in prices.json");
    }

    [Test]
    public void The_shipped_table_holds_the_list_prices_of_the_domain_notes()
    {
        var table = PriceTable.Default;

        table[PriceKeys.LambdaRequestUsdPerMillion].Value.Should().Be(0.20m);
        table[PriceKeys.LambdaX86UsdPerGbSecond].Value.Should().Be(0.0000166667m);
        table[PriceKeys.LambdaX86UsdPerGbSecond].Tiers.Should().Equal(new PriceTier(6_000_000_000, 0.000015m), new PriceTier(15_000_000_000, 0.0000133334m));
        table[PriceKeys.LambdaArmUsdPerGbSecond].Value.Should().Be(0.0000133334m);
        table[PriceKeys.CloudRunRequestBasedUsdPerVCpuSecond].Value.Should().Be(0.000024m);
        table[PriceKeys.CloudRunInstanceBasedUsdPerVCpuSecond].Value.Should().Be(0.000018m);
        table[PriceKeys.CloudRunRequestUsdPerMillion].Value.Should().Be(0.40m);
        table[PriceKeys.FlexOnDemandUsdPerGbSecond].Value.Should().Be(0.000026m);
        table[PriceKeys.ManagedInstancesManagementFeeFraction].Value.Should().Be(0.15m);
        table[PriceKeys.SqsRequestUsdPerMillion].Value.Should().Be(0.40m);
        table[PriceKeys.SqsRequestChunkBytes].Value.Should().Be(65_536m);
    }

    [Test]
    public void With_replaces_one_row_and_says_so_in_the_source()
    {
        var row = new PriceRow(PriceKeys.LambdaX86UsdPerGbSecond, 0.00002m, "https://example.com/negotiated", "2026-12-01");

        var table = PriceTable.Default.With(row);

        table[PriceKeys.LambdaX86UsdPerGbSecond].Should().Be(row);
        table[PriceKeys.LambdaArmUsdPerGbSecond].Should().Be(PriceTable.Default[PriceKeys.LambdaArmUsdPerGbSecond]);
        table.Source.Should().Be("built-in prices.json; 1 row from C#");
        table.AsOf.Should().Be("2026-12-01");
        PriceTable.Default[PriceKeys.LambdaX86UsdPerGbSecond].Value.Should().Be(0.0000166667m, "tables are immutable");
    }

    [Test]
    public void With_rejects_a_row_that_breaks_a_rule_naming_each_problem()
    {
        var act = () => PriceTable.Default.With(new PriceRow(PriceKeys.CloudRunRequestUsdPerMillion, -1m, " ", "26/11/2026", [new PriceTier(10, 1)]));

        act.Should().Throw<ArgumentException>()
            .WithMessage("*cloudRun.requestUsdPerMillion.value: -1 must be a number from 0 to 1000000 (USD per million requests)*")
            .WithMessage("*cloudRun.requestUsdPerMillion.source*")
            .WithMessage("*cloudRun.requestUsdPerMillion.date: \"26/11/2026\" must be a date written yyyy-mm-dd*")
            .WithMessage("*cloudRun.requestUsdPerMillion.tiers*only Lambda's GB-second prices have volume tiers*");
    }

    [Test]
    public void With_rejects_an_unknown_row_with_a_suggestion()
    {
        var act = () => PriceTable.Default.With(new PriceRow("lambda.x86UsdPerGbSecnd", 1m, "s", "2026-11-26"));

        act.Should().Throw<ArgumentException>().WithMessage("*is not a price row; did you mean \"lambda.x86UsdPerGbSecond\"?*");
    }

    [Test]
    public void An_unknown_row_name_in_the_indexer_is_reported()
    {
        var act = () => PriceTable.Default["lambda.nothing"];

        act.Should().Throw<KeyNotFoundException>().WithMessage("*lambda.nothing*");
    }

    /// <remarks>Tiers by cumulative usage: with 400,000 free, 6,000,100,000 GB-s charge 5,999,600,000 at tier 1 and 100,000 at tier 2.</remarks>
    [Test]
    public void A_charge_spans_tiers_by_cumulative_usage_after_a_free_allowance()
    {
        var row = PriceTable.Default[PriceKeys.LambdaX86UsdPerGbSecond];

        row.Charge(400_000, 6_000_100_000).Should().Be((5_999_600_000 * 0.0000166667m) + (100_000 * 0.000015m));
        row.Charge(20_000_000_000, 20_000_000_001).Should().Be(0.0000133334m);
        row.Charge(5, 5).Should().Be(0);
    }
}
