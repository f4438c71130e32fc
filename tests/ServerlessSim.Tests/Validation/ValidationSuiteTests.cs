using ServerlessSim.Validation;

namespace ServerlessSim.Tests.Validation;

public class ValidationSuiteTests
{
    [Test]
    public void The_quick_suite_passes()
    {
        var results = ValidationRunner.Run(ValidationSuite.Quick);

        var withLittle = ValidationSuite.Quick.Count(c => c.CheckLittlesLaw);
        results.Should().HaveCount(ValidationSuite.Quick.Count + withLittle, "each case, and its Little's-law check where the law applies");
        results.Where(r => r.Oracle == ValidationRunner.LittlesLawOracle).Should().HaveCount(withLittle);
        results.Where(r => !r.Passed).Select(r => $"{r.Oracle} {r.Name}: {r.Reason}").Should().BeEmpty();
    }

    [Test]
    public void The_suite_covers_every_oracle_the_issue_names_and_a_quick_case_of_each()
    {
        var oracles = new[]
        {
            "Erlang-B", "M/G/infinity", "M/G/1-PS", "M/M/c-PS", "Keep-alive", "KPA steady state", "Cloud Run steady state", "Interference", "Bill",
            "Scaling rate", "Request rate", "Reserved Erlang-B", "Provisioned Erlang-B", "Retries", "Idle lifetime", "Hybrid histogram",
            "Batching",
        };
        var quick = oracles.Except(["Cloud Run steady state", "Idle lifetime"]);

        ValidationSuite.All.Select(c => c.Oracle).Distinct().Should().BeEquivalentTo(oracles);
        ValidationSuite.Quick.Select(c => c.Oracle).Distinct().Should().BeEquivalentTo(quick);
        ValidationSuite.All.Where(c => c.Oracle == "Erlang-B").Should().HaveCount(36, "c in {1, 10, 100, 1000} x load {0.5c, c, 2c} x 3 distributions");
        ValidationSuite.All.Select(c => c.Oracle + c.Name).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Every_hand_computed_bill_matches_the_simulation()
    {
        var bills = ValidationSuite.All.Where(c => c.Oracle == "Bill" && !c.Quick).ToArray();

        var results = ValidationRunner.Run(bills);

        bills.Should().HaveCountGreaterThanOrEqualTo(5);
        results.Where(r => !r.Passed).Select(r => $"{r.Oracle} {r.Name}: {r.Reason}").Should().BeEmpty();
        results.Where(r => r.Oracle == "Bill").Should().OnlyContain(r => r.Replications == 2 && r.Tolerance == r.Theory * 1e-9);
    }

    [Test]
    public void Every_batching_case_passes()
    {
        var batching = ValidationSuite.All.Where(c => c.Oracle == "Batching" && !c.Quick).ToArray();

        var results = ValidationRunner.Run(batching);

        batching.Should().HaveCountGreaterThanOrEqualTo(4);
        results.Where(r => !r.Passed).Select(r => $"{r.Oracle} {r.Name}: {r.Reason}").Should().BeEmpty();
    }

    [Test]
    public void A_bill_off_by_a_millionth_fails()
    {
        var bill = ValidationSuite.All.First(c => c.Oracle == "Bill");

        var result = ValidationRunner.Decide(bill, [bill.Theory, bill.Theory * (1 + 1e-6)], requestsPerReplication: 1_000_000);

        result.Passed.Should().BeFalse();
        result.Reason.Should().Contain("beyond the tolerance");
        ValidationRunner.Decide(bill, [bill.Theory, bill.Theory], 1_000_000).Passed.Should().BeTrue();
    }

    [Test]
    public void A_wrong_theory_fails_so_the_check_has_teeth()
    {
        var erlang = ValidationSuite.Quick.First(c => c.Oracle == "Erlang-B");
        var wrong = erlang with { Theory = erlang.Theory * 1.05 };

        var result = ValidationRunner.Run([wrong])[0];

        result.Passed.Should().BeFalse($"a 5% error must be caught (tolerance {result.Tolerance:G3} on {result.Theory:G3})");
        result.Reason.Should().Contain("exceeds the tolerance");
    }

    [Test]
    public void An_imprecise_estimate_fails_even_when_theory_is_inside_its_interval()
    {
        var @case = ValidationSuite.Quick.First(c => c.Oracle == "M/G/infinity");

        var result = ValidationRunner.Decide(@case, [100, 300, 200, 150, 250, 180, 220, 190, 210, 200], requestsPerReplication: 1000);

        result.Passed.Should().BeFalse();
        result.Reason.Should().Contain("half-width");
    }

    [Test]
    public void A_negligible_theory_is_judged_by_the_samples_resolution()
    {
        var @case = ValidationSuite.All.First(c => c.Oracle == "Erlang-B" && c.Name.StartsWith("c=1000 a=500", StringComparison.Ordinal));
        @case.Theory.Should().BeLessThan(ValidationRunner.NegligibleTheory);

        ValidationRunner.Decide(@case, Enumerable.Repeat(0.0, 10).ToArray(), 100_000).Passed.Should().BeTrue();
        ValidationRunner.Decide(@case, Enumerable.Repeat(1e-4, 10).ToArray(), 100_000).Passed.Should().BeFalse();
    }

    [Test]
    public void The_report_is_deterministic_markdown_with_every_case()
    {
        var results = ValidationSuite.Quick.Take(2)
            .Select(c => ValidationRunner.Decide(c, Enumerable.Range(0, 10).Select(i => c.Theory * (1 + ((i - 4.5) / 1000))).ToArray(), 1000))
            .ToArray();

        var markdown = ValidationReport.Markdown(results, "serverless-sim validate --quick --out docs");

        markdown.Should().Be(ValidationReport.Markdown(results, "serverless-sim validate --quick --out docs"));
        markdown.Should().Contain("| Erlang-B |").And.Contain("PASS").And.Contain("serverless-sim validate --quick --out docs");
    }
}
