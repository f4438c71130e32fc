using ServerlessSim.Platform;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Policies;

/// <summary>The instance-picking dispatch rules on a hand-made pool, and the set they pick from.</summary>
public class DispatchPolicyTests
{
    /// <summary>A pool of ready instances with the given loads (slot i has loads[i]) and K = <paramref name="k"/>.</summary>
    private static (InstancePool Pool, AvailableInstances Available) Pool(int k, params int[] loads)
    {
        var pool = new InstancePool(k);
        var available = new AvailableInstances();
        for (var i = 0; i < loads.Length; i++)
        {
            var instance = pool.StartNew();
            pool.MarkReady(instance, 0);
            for (var r = 0; r < loads[i]; r++)
            {
                pool.Bind(instance, 0);
            }

            available.Set(instance, pool.LoadOf(instance) < k);
        }

        return (pool, available);
    }

    private static int Choose(DispatchKind kind, InstancePool pool, AvailableInstances available, int lastChosen = -1, RandomStream? random = null) =>
        DispatchPolicies.Create(new DispatchOptions(kind))
            .ChooseInstance(new DispatchContext(pool, available, random ?? RandomStream.For(1, 0, 0, StreamPurpose.Dispatch), lastChosen, 0));

    [Test]
    public void First_available_fills_the_lowest_numbered_instance_with_a_free_slot()
    {
        var (pool, available) = Pool(2, 2, 1, 0);

        Choose(DispatchKind.FirstAvailable, pool, available).Should().Be(1, "instance 0 is full");
    }

    [Test]
    public void Round_robin_takes_the_next_instance_after_the_last_one_wrapping_round()
    {
        var (pool, available) = Pool(4, 1, 3, 0, 2);

        Choose(DispatchKind.RoundRobin, pool, available, lastChosen: -1).Should().Be(0);
        Choose(DispatchKind.RoundRobin, pool, available, lastChosen: 1).Should().Be(2);
        Choose(DispatchKind.RoundRobin, pool, available, lastChosen: 3).Should().Be(0, "wraps round after the last slot");
    }

    [Test]
    public void Least_loaded_and_packing_keep_their_meaning_on_an_autoscaled_pool()
    {
        var (pool, available) = Pool(4, 1, 3, 0, 2);

        Choose(DispatchKind.LeastLoaded, pool, available).Should().Be(2);
        Choose(DispatchKind.Packing, pool, available).Should().Be(1);
    }

    [Test]
    public void Power_of_two_choices_takes_the_less_loaded_of_two_distinct_random_instances()
    {
        // Loads 0..9: the choice is the smaller of two distinct uniform draws, whose mean is (n + 1) / 3 - 1 = 2.67.
        var (pool, available) = Pool(100, Enumerable.Range(0, 10).ToArray());
        var random = RandomStream.For(7, 0, 0, StreamPurpose.Dispatch);
        var chosen = Enumerable.Range(0, 20_000).Select(_ => Choose(DispatchKind.PowerOfTwoChoices, pool, available, random: random)).ToArray();

        chosen.Should().NotContain(9, "the most loaded instance always loses its duel");
        chosen.Average(i => pool.LoadOf(i)).Should().BeApproximately(8.0 / 3, 0.05);
    }

    [Test]
    public void Power_of_two_choices_repeats_with_the_seed()
    {
        var (pool, available) = Pool(100, 5, 1, 4, 2, 3);
        int[] Run(long seed)
        {
            var random = RandomStream.For(seed, 0, 0, StreamPurpose.Dispatch);
            return Enumerable.Range(0, 50).Select(_ => Choose(DispatchKind.PowerOfTwoChoices, pool, available, random: random)).ToArray();
        }

        Run(3).Should().Equal(Run(3));
        Run(3).Should().NotEqual(Run(4));
    }

    [Test]
    public void Instance_rules_refuse_a_platform_that_shows_load_groups_only()
    {
        var (pool, _) = Pool(4, 1);
        var loadOnly = new DispatchContext(pool.Ready, 0);

        FluentActions.Invoking(() => DispatchPolicies.Create(new DispatchOptions(DispatchKind.RoundRobin)).ChooseInstance(loadOnly))
            .Should().Throw<InvalidOperationException>().WithMessage("*leastLoaded or packing*");
        DispatchPolicies.Create(new DispatchOptions(DispatchKind.LeastLoaded)).ChooseInstance(loadOnly).Should().Be(0);
    }

    [Test]
    public void The_available_set_finds_the_next_member_across_words_and_survives_removals()
    {
        var set = new AvailableInstances();
        foreach (var slot in new[] { 3, 64, 5000, 70 })
        {
            set.Set(slot, true);
        }

        set.NextFrom(0).Should().Be(3);
        set.NextFrom(4).Should().Be(64);
        set.NextFrom(71).Should().Be(5000);
        set.NextAfter(5000).Should().Be(3, "wraps round");
        set.Set(64, false);
        set.NextFrom(4).Should().Be(70);
        set.Count.Should().Be(3);
        Enumerable.Range(0, set.Count).Select(set.At).Should().BeEquivalentTo([3, 70, 5000]);
        set.Set(3, false);
        set.Set(70, false);
        set.Set(5000, false);
        set.NextFrom(0).Should().Be(-1);
    }
}
