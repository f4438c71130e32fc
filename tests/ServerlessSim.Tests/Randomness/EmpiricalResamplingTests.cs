using ServerlessSim.Configuration;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Randomness;

public class EmpiricalResamplingTests
{
    /// <remarks>Each of 3 recorded values is drawn with probability 1/3: in n draws its count is within Z sqrt(n (1/3)(2/3)) of n/3, Z = 3.29 (99.9%).</remarks>
    [Test]
    public void Resampling_draws_only_recorded_values_each_equally_often()
    {
        var distribution = EmpiricalDistribution.Resampling([0.009, 0.001, 0.002]);
        var random = RandomStream.For(2, 0, 0, StreamPurpose.Work);
        const int n = 30_000;

        var counts = Enumerable.Range(0, n).Select(_ => distribution.Sample(random)).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());

        counts.Keys.Should().BeEquivalentTo([0.001, 0.002, 0.009]);
        counts.Values.Should().OnlyContain(c => Math.Abs(c - (n / 3.0)) <= 3.29 * Math.Sqrt(n * (2 / 9.0)));
        distribution.Mean.Should().BeApproximately(0.004, 1e-15);
        EmpiricalDistribution.FromSamples([0.009, 0.001, 0.002]).Mean.Should().BeApproximately(0.0035, 1e-15);
        (distribution.Quantile(0), distribution.Quantile(0.5), distribution.Quantile(1)).Should().Be((0.001, 0.002, 0.009));
    }

    [Test]
    public void A_scenario_file_asks_for_resampling_with_resample_true()
    {
        var json = BadScenarioCases.Edit(BadScenarioCases.Valid, "\"ioWaitMs\": 50", "\"ioWaitMs\": { \"type\": \"empirical\", \"samplesMs\": [1, 2, 9], \"resample\": true }");

        ScenarioFile.Parse(json).Function.Work.IoWait.Mean.Should().BeApproximately(0.004, 1e-15);
        var wrong = BadScenarioCases.Edit(BadScenarioCases.Valid, "\"ioWaitMs\": 50", "\"ioWaitMs\": { \"type\": \"empirical\", \"percentilesMs\": { \"0\": 1, \"100\": 2 }, \"resample\": true }");
        ScenarioFileTests.ErrorsOf(() => ScenarioFile.Parse(wrong)).Should().ContainSingle()
            .Which.ToString().Should().Be("function.work.ioWaitMs.resample: true is only allowed with samplesMs: percentiles are always interpolated");
    }
}
