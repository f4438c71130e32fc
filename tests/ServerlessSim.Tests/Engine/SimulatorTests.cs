using ServerlessSim.Engine;

namespace ServerlessSim.Tests.Engine;

public class SimulatorTests
{
    private sealed class Recorder(Action<Simulator, ScheduledEvent>? onEvent = null) : IEventHandler
    {
        public List<(double Time, int Target)> Seen { get; } = [];

        public void Handle(Simulator simulator, in ScheduledEvent scheduledEvent)
        {
            Seen.Add((simulator.NowSeconds, scheduledEvent.Target));
            onEvent?.Invoke(simulator, scheduledEvent);
        }
    }

    [Test]
    public void Runs_events_strictly_before_the_limit_and_keeps_the_rest()
    {
        var simulator = new Simulator();
        var recorder = new Recorder();
        simulator.ScheduleAt(1.0, 0, 1);
        simulator.ScheduleAt(2.0, 0, 2);
        simulator.ScheduleAt(3.0, 0, 3);

        var remaining = simulator.RunUntil(recorder, 2.0);

        remaining.Should().BeTrue();
        recorder.Seen.Should().Equal((1.0, 1));
        simulator.NowSeconds.Should().Be(1.0);
        simulator.PendingEvents.Should().Be(2);
    }

    [Test]
    public void Events_scheduled_while_handling_run_in_time_order()
    {
        var simulator = new Simulator();
        var recorder = new Recorder((sim, e) =>
        {
            if (e.Target == 1)
            {
                sim.ScheduleAt(sim.NowSeconds + 0.5, 0, 10);
                sim.ScheduleAt(sim.NowSeconds, 0, 11); // same time: after the current event, in insertion order
            }
        });
        simulator.ScheduleAt(1.0, 0, 1);
        simulator.ScheduleAt(1.2, 0, 2);

        simulator.RunUntil(recorder, 10);

        recorder.Seen.Select(s => s.Target).Should().Equal(1, 11, 2, 10);
    }

    [Test]
    public void The_stream_slot_is_ordered_with_queued_events_by_time_then_insertion()
    {
        var simulator = new Simulator();
        var arrivals = 0;
        var recorder = new Recorder((sim, e) =>
        {
            if (e.Kind == 1 && ++arrivals < 4)
            {
                sim.ScheduleStream(sim.NowSeconds + 1.0, 1, 100 + arrivals); // the next arrival
            }
        });
        simulator.ScheduleStream(1.0, 1, 100);
        simulator.ScheduleAt(1.0, 0, 1);  // same time as the first arrival, inserted after it
        simulator.ScheduleAt(2.5, 0, 2);

        simulator.RunUntil(recorder, 10);

        recorder.Seen.Should().Equal((1.0, 100), (1.0, 1), (2.0, 101), (2.5, 2), (3.0, 102), (4.0, 103));
        FluentActions.Invoking(() =>
        {
            simulator.ScheduleStream(20, 1, 0);
            simulator.ScheduleStream(21, 1, 0);
        }).Should().Throw<InvalidOperationException>().WithMessage("*already has a pending event*");
    }

    [Test]
    public void Scheduling_in_the_past_is_refused_with_the_times()
    {
        var simulator = new Simulator();
        simulator.ScheduleAt(5.0, 0, 0);
        simulator.Step(new Recorder());

        FluentActions.Invoking(() => simulator.ScheduleAt(4.0, 0, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*before the current time (5 s)*");
    }

    [Test]
    public void A_failing_handler_is_reported_with_the_simulated_time_and_event()
    {
        var simulator = new Simulator();
        simulator.ScheduleAt(2.5, 7, 42);

        var act = () => simulator.RunUntil(new Recorder((_, _) => throw new InvalidOperationException("boom")), 10);

        act.Should().Throw<SimulationException>()
            .WithMessage("*t=2.5 s*kind 7 target 42*boom*")
            .Which.FailedEvent.Target.Should().Be(42);
    }

    [Test]
    public void Cancellation_stops_a_long_run()
    {
        var simulator = new Simulator();
        using var cancellation = new CancellationTokenSource();
        var recorder = new Recorder((sim, _) =>
        {
            sim.ScheduleAt(sim.NowSeconds + 1, 0, 0); // an endless chain of events
            if (sim.HandledEvents == 100_000)
            {
                cancellation.Cancel();
            }
        });
        simulator.ScheduleAt(0, 0, 0);

        FluentActions.Invoking(() => simulator.RunUntil(recorder, double.PositiveInfinity, cancellation.Token))
            .Should().Throw<OperationCanceledException>();
        simulator.HandledEvents.Should().BeInRange(100_000, 100_000 + 65_536);
    }

    [Test]
    public void Time_types_only_combine_meaningfully()
    {
        var t = SimTime.FromSeconds(10) + SimDuration.FromMilliseconds(250);

        t.Seconds.Should().Be(10.25);
        (t - SimTime.FromSeconds(10)).Milliseconds.Should().Be(250);
        SimDuration.FromMinutes(10).Seconds.Should().Be(600);
        SimDuration.Infinite.IsInfinite.Should().BeTrue();
        FluentActions.Invoking(() => SimDuration.FromSeconds(-1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*non-negative*");
        FluentActions.Invoking(() => SimTime.FromSeconds(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => SimTime.FromSeconds(1) - SimTime.FromSeconds(2)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
