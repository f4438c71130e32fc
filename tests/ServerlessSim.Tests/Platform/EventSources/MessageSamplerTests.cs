using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Platform.EventSources;

public class MessageSamplerTests
{
    private static (int SizeBytes, int Key)[] Draw(BatchingOptions options, int count = 1_000)
    {
        var sampler = new MessageSampler(options, RandomStream.For(5, 0, 0, StreamPurpose.Batching));
        return Enumerable.Range(0, count).Select(_ => sampler.Next()).ToArray();
    }

    [Test]
    public void Every_source_draws_the_same_sizes_so_batching_policies_see_the_same_messages()
    {
        var sized = BatchingOptions.Sqs() with { MessageSizeBytes = LogNormalDistribution.FromMedianAndP99(2048, 65536) };
        var standard = Draw(sized);
        var fifo = Draw(sized with { Queue = new SqsQueueOptions { Fifo = true, MessageGroups = 7 } });
        var kinesis = Draw(BatchingOptions.Kinesis(2) with { MessageSizeBytes = sized.MessageSizeBytes });

        fifo.Select(m => m.SizeBytes).Should().Equal(standard.Select(m => m.SizeBytes));
        kinesis.Select(m => m.SizeBytes).Should().Equal(standard.Select(m => m.SizeBytes));
        standard.Should().OnlyContain(m => m.Key == 0);
        fifo.Select(m => m.Key).Distinct().Order().Should().Equal(Enumerable.Range(0, 7));
        kinesis.Select(m => m.Key).Should().OnlyContain(k => k >= 0 && k < 1_000);
    }

    [Test]
    public void Sizes_are_whole_bytes_from_one_byte_to_one_mebibyte()
    {
        var draws = Draw(BatchingOptions.Sqs() with { MessageSizeBytes = LogNormalDistribution.FromMedianAndP99(100_000, 50_000_000) });
        draws.Should().OnlyContain(m => m.SizeBytes >= 1 && m.SizeBytes <= 1_048_576);
        draws.Should().Contain(m => m.SizeBytes == 1_048_576, "large draws are clamped to 1 MiB");
    }
}
