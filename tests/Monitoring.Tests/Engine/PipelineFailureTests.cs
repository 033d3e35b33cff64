using Monitoring.Engine.Evaluation;
using Monitoring.Engine.Generation;
using Monitoring.Rules.Facts;
using Monitoring.Tests.Support;
using Monitoring.Engine.Cases;

namespace Monitoring.Tests.Engine;

/// <summary>
/// When the consumer of a pipeline fails (a store run whose connection died), the pipeline stops reading its source
/// before the exception reaches the caller, who is about to dispose what the source reads from.
/// </summary>
public sealed class PipelineFailureTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);

    [Fact]
    public void A_failing_consumer_stops_the_reader_before_the_exception_leaves_the_pipeline()
    {
        var source = new TrackedSource(new HouseholdGenerator(21, AsOf).GenerateMany(20_000).Select(r => System.Text.Encoding.UTF8.GetBytes(HouseholdJsonLines.Serialize(r))));
        var seen = 0;
        var pipeline = new EvaluationPipeline(SharedCatalog.Instance.ForProfile("cn-national"), AsOf)
        {
            HelperGroups = new Dictionary<(string CountyCode, string HelperName), HelperGroupFacts>(),
            OnEvaluated = _ =>
            {
                if (++seen == 500)
                {
                    throw new IOException("connection lost");
                }
            },
        };

        var error = Assert.Throws<IOException>(() => pipeline.RunUnsorted(source.Lines()));

        Assert.Equal("connection lost", error.Message);
        Assert.True(source.Finished, "the source was still being read after the pipeline had thrown");
        var readWhenThrown = source.Read;
        Thread.Sleep(200);
        Assert.Equal(readWhenThrown, source.Read);
        Assert.True(readWhenThrown < 20_000, "the whole source was read although the consumer had failed");
    }

    private sealed class TrackedSource(IEnumerable<byte[]> lines)
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public bool Finished { get; private set; }

        public IEnumerable<byte[]> Lines()
        {
            try
            {
                foreach (var line in lines)
                {
                    Interlocked.Increment(ref _read);
                    yield return line;
                }
            }
            finally
            {
                Finished = true;
            }
        }
    }
}
