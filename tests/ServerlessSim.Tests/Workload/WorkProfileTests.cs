using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Workload;

public class WorkProfileTests
{
    [Test]
    public void A_duration_split_draws_once_and_divides_it()
    {
        var duration = LogNormalDistribution.FromMedianAndP99(0.2, 0.9);
        var profile = WorkProfile.FromDuration(duration, 0.2);
        var sampler = new WorkProfileSampler(profile, RandomStream.For(5, 0, 0, StreamPurpose.Work));
        var same = RandomStream.For(5, 0, 0, StreamPurpose.Work);

        for (var i = 0; i < 1_000; i++)
        {
            var total = duration.Sample(same);
            var (cpu, io) = sampler.Next();
            cpu.Should().Be(0.2 * total);
            (cpu + io).Should().BeApproximately(total, 1e-15);
        }

        profile.MeanUncontendedSeconds.Should().BeApproximately(duration.Mean, 1e-15);
        profile.CpuDemand.Describe().Should().StartWith("20% of lognormal");
    }

    [Test]
    public void All_io_or_all_cpu_needs_no_split()
    {
        var duration = new ExponentialDistribution(0.1);

        WorkProfile.FromDuration(duration, 0).Should().Be(new WorkProfile(ConstantDistribution.Zero, duration));
        WorkProfile.FromDuration(duration, 1).Should().Be(new WorkProfile(duration, ConstantDistribution.Zero));
        FluentActions.Invoking(() => WorkProfile.FromDuration(duration, 1.5)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Shares_of_different_durations_are_drawn_independently()
    {
        var profile = new WorkProfile(new DurationShare(new ConstantDistribution(1), 0.5), new DurationShare(new ConstantDistribution(3), 0.5));

        new WorkProfileSampler(profile, RandomStream.For(1, 0, 0, StreamPurpose.Work)).Next().Should().Be((0.5, 1.5));
    }
}
