using ServerlessSim.Experiments;

namespace ServerlessSim.Tests.Experiments;

/// <summary>The closed forms the validation suite relies on, against independently computed values.</summary>
/// <remarks>Simulation against these formulas is checked by tests/ServerlessSim.Tests/Validation (the quick suite).</remarks>
public class QueueingTheoryTests
{
    [Test]
    public void Erlang_B_recursion_gives_known_values()
    {
        QueueingTheory.ErlangB(2, 1).Should().BeApproximately(0.2, 1e-15);
        QueueingTheory.ErlangB(1, 1).Should().BeApproximately(0.5, 1e-15);
        QueueingTheory.ErlangB(0, 3).Should().Be(1);

        // a^c / c! over the sum of a^k / k!, computed independently with log-gamma: 0.0248119176461627.
        QueueingTheory.ErlangB(1000, 1000).Should().BeApproximately(0.0248119176461627, 1e-12);
    }

    [Test]
    public void Erlang_C_and_multi_server_sharing_give_known_values()
    {
        QueueingTheory.ErlangC(2, 1).Should().BeApproximately(1 / 3.0, 1e-15);
        QueueingTheory.MultiServerProcessorSharingMeanResponse(2, 100, 0.01).Should().BeApproximately(0.01 + ((1 / 3.0) / 100), 1e-15);
        FluentActions.Invoking(() => QueueingTheory.ErlangC(2, 2)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*stable*");
    }

    [Test]
    public void Processor_sharing_infinite_server_and_keep_alive_formulas()
    {
        QueueingTheory.ProcessorSharingMeanResponse(0.010, 0.8).Should().BeApproximately(0.050, 1e-15);
        QueueingTheory.InfiniteServerMeanInSystem(1000, 0.2).Should().Be(200);
        QueueingTheory.KeepAliveColdStartProbability(1.0 / 60, 600).Should().BeApproximately(Math.Exp(-10), 1e-18);
        FluentActions.Invoking(() => QueueingTheory.ProcessorSharingMeanResponse(0.01, 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
