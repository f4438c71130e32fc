using ServerlessSim.Platform;

namespace ServerlessSim.Tests.Platform;

public class ProcessorSharingCpuTests
{
    [Test]
    public void Two_equal_jobs_on_one_vcpu_finish_together_at_twice_their_demand()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 1);
        cpu.Join(0, request: 1, demandSeconds: 0.010, nowSeconds: 0);
        cpu.Join(0, request: 2, demandSeconds: 0.010, nowSeconds: 0);

        cpu.IssueEvent(0).TimeSeconds.Should().BeApproximately(0.020, 1e-15);
        var finished = new int[4];
        cpu.CompleteDue(0, 0.020, finished).Should().Be(2);
        finished[..2].Should().BeEquivalentTo([1, 2]);
        cpu.JobsOn(0).Should().Be(0);
    }

    /// <remarks>
    /// A (10 ms) alone from 0 to 5 ms gets 5 ms; then A and B share: A needs 5 ms more at half speed, done at
    /// 15 ms. B has 5 of its 30 ms by then and finishes the other 25 ms alone, at 40 ms.
    /// </remarks>
    [Test]
    public void A_late_joiner_slows_the_first_job_down()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 1);
        var finished = new int[4];
        cpu.Join(0, request: 1, demandSeconds: 0.010, nowSeconds: 0);
        cpu.Join(0, request: 2, demandSeconds: 0.030, nowSeconds: 0.005);

        cpu.IssueEvent(0).TimeSeconds.Should().BeApproximately(0.015, 1e-12);
        cpu.CompleteDue(0, 0.015, finished).Should().Be(1);
        finished[0].Should().Be(1);
        cpu.IssueEvent(0).TimeSeconds.Should().BeApproximately(0.040, 1e-12);
    }

    /// <remarks>Two vCPUs, three jobs of 30 ms: each runs at 2/3 speed and all finish at 45 ms.</remarks>
    [Test]
    public void Jobs_share_several_vcpus_at_min_one_c_over_n()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 2);
        for (var i = 0; i < 3; i++)
        {
            cpu.Join(0, request: i, demandSeconds: 0.030, nowSeconds: 0);
        }

        cpu.NextCompletion(0).Should().BeApproximately(0.045, 1e-12);
    }

    [Test]
    public void A_job_alone_with_a_fraction_of_a_vcpu_runs_slower()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 0.5);
        cpu.Join(3, request: 9, demandSeconds: 0.010, nowSeconds: 1);

        cpu.NextCompletion(3).Should().BeApproximately(1.020, 1e-12);
    }

    [Test]
    public void A_join_that_only_delays_keeps_the_pending_event_which_then_fires_early_and_finds_nothing_due()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 1);
        var finished = new int[4];
        cpu.Join(0, request: 1, demandSeconds: 0.010, nowSeconds: 0).Should().BeTrue("no event is pending yet");
        var (time, version) = cpu.IssueEvent(0);
        time.Should().BeApproximately(0.010, 1e-15);

        cpu.Join(0, request: 2, demandSeconds: 0.030, nowSeconds: 0.005).Should().BeFalse("job 1 now finishes later, at 15 ms");

        cpu.IsCurrent(0, version).Should().BeTrue();
        cpu.CompleteDue(0, 0.010, finished).Should().Be(0, "at 10 ms job 1 has had 7.5 of its 10 ms");
        cpu.IsCurrent(0, version).Should().BeFalse("the event was consumed");
        cpu.IssueEvent(0).TimeSeconds.Should().BeApproximately(0.015, 1e-12);
    }

    [Test]
    public void A_join_that_finishes_first_needs_a_new_event_and_the_old_one_goes_stale()
    {
        var cpu = new ProcessorSharingCpu(vCpus: 1);
        cpu.Join(0, request: 1, demandSeconds: 0.100, nowSeconds: 0);
        var (_, first) = cpu.IssueEvent(0);

        cpu.Join(0, request: 2, demandSeconds: 0.001, nowSeconds: 0.010).Should().BeTrue("job 2 finishes at 12 ms, before 100 ms");
        var (time, second) = cpu.IssueEvent(0);

        time.Should().BeApproximately(0.012, 1e-12);
        cpu.IsCurrent(0, first).Should().BeFalse();
        cpu.IsCurrent(0, second).Should().BeTrue();
    }
}
