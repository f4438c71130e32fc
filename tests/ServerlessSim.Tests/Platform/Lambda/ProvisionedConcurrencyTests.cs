using ServerlessSim.Configuration;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>Provisioned concurrency: initialised ahead, used first, never expiring, spilling over on demand, billed while configured.</summary>
public sealed class ProvisionedConcurrencyTests
{
    private static PerRequestScalingOptions Provisioned(ProvisionedConcurrencyOptions provisioned) =>
        LambdaScenarios.Rules(r => r with { ProvisionedConcurrency = provisioned });

    [Test]
    public void Traffic_within_the_provisioned_environments_never_waits_for_a_cold_start()
    {
        // 20 req/s of 0.5 s requests need 10 environments on average and a few more at peaks: 30 provisioned cover them
        // once initialised (2 s), and traffic starts at 10 s.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new RateSegment(0, 0), new RateSegment(10, 20)]), ioSeconds: 0.5, horizonSeconds: 600, warmUpSeconds: 60, coldStartSeconds: 2,
            scaling: Provisioned(ProvisionedConcurrencyOptions.Constant(30)));

        var run = LambdaScenarios.Run(scenario);

        run.ColdStarts.Should().Be(0);
        run.InstancesMean.Should().BeApproximately(30, 1e-9, "the 30 stay, none on demand");
        run.Usage.Provisioned!.Periods.Should().Equal(new ProvisionedPeriod(30, 540));
        run.Usage.Executions.Periods.Should().Be(0, "every request ran on a provisioned environment");
        run.Usage.Provisioned.Executions.Periods.Should().Be(run.Completed);
        run.Cost.ProvisionedUsd.Should().BeGreaterThan(0);
    }

    [Test]
    public void Traffic_beyond_them_spills_over_to_on_demand_environments()
    {
        // 4 provisioned against about 10 in flight: the rest start on demand.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Poisson(20), ioSeconds: 0.5, horizonSeconds: 600, warmUpSeconds: 60, coldStartSeconds: 0.2,
            scaling: Provisioned(ProvisionedConcurrencyOptions.Constant(4)));

        var run = LambdaScenarios.Run(scenario);

        run.ColdStarts.Should().BeGreaterThan(0);
        run.Usage.Provisioned!.Executions.Periods.Should().BeGreaterThan(run.Completed / 3, "provisioned environments are used first");
        run.Usage.Executions.Periods.Should().Be(run.Completed - run.Usage.Provisioned.Executions.Periods);
    }

    [Test]
    public void A_schedule_raises_the_environments_for_its_peak_and_lowers_them_after()
    {
        // 5, then 50 from 100 s to 200 s, then 5 again; no traffic, so the environments are exactly the schedule's.
        var schedule = new ProvisionedConcurrencyOptions(
        [
            new ProvisionedStep(SimDuration.Zero, 5), new ProvisionedStep(SimDuration.FromSeconds(100), 50), new ProvisionedStep(SimDuration.FromSeconds(200), 5),
        ]);
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(0), ioSeconds: 1, horizonSeconds: 300, scaling: Provisioned(schedule));

        var run = LambdaScenarios.Run(scenario);

        run.InstancesMean.Should().BeApproximately(((5 * 100) + (50 * 100) + (5 * 100)) / 300.0, 1e-9);
        run.InstancesMax.Should().Be(50);
        run.Usage.Provisioned!.Periods.Should().Equal(new ProvisionedPeriod(5, 100), new ProvisionedPeriod(50, 100), new ProvisionedPeriod(5, 100));
    }

    [Test]
    public void A_daily_schedule_repeats_every_day()
    {
        var daily = ProvisionedConcurrencyOptions.Daily(baseline: 2, peak: 10, SimDuration.FromSeconds(3600 * 9), SimDuration.FromSeconds(3600 * 17));
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(0), ioSeconds: 1, horizonSeconds: 2 * 86_400, scaling: Provisioned(daily));

        var run = LambdaScenarios.Run(scenario);

        run.InstancesMean.Should().BeApproximately(((2 * 16) + (10 * 8)) / 24.0, 1e-9, "8 hours of 10 and 16 of 2, both days");
    }

    [Test]
    public void Provisioned_environments_are_billed_per_5_minute_step_at_the_provisioned_price()
    {
        // 10 environments at 1,769 MB for 61 minutes are billed 65 minutes.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(0), ioSeconds: 1, horizonSeconds: 61 * 60, scaling: Provisioned(ProvisionedConcurrencyOptions.Constant(10)));

        var run = LambdaScenarios.Run(scenario);

        var price = (decimal)PriceTable.Default[PriceKeys.LambdaX86ProvisionedConcurrencyUsdPerGbSecond].Value;
        run.Cost.ProvisionedUsd.Should().BeApproximately(10 * 65 * 60 * (1769m / 1024m) * price, 1e-9m);
    }

    [Test]
    public void Provisioned_concurrency_fits_in_the_reservation()
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(1), ioSeconds: 1, horizonSeconds: 10, scaling: Provisioned(ProvisionedConcurrencyOptions.Constant(60)),
            function: f => f with { ReservedConcurrency = 50 });

        ScenarioValidator.Validate(scenario).Should().ContainSingle(e => e.Path == "policies[0].scaling.provisionedConcurrency")
            .Which.Rule.Should().Contain("more than function.reservedConcurrency (50)");
    }
}
