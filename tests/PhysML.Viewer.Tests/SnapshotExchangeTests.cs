using PhysML.Viewer.Simulation;

namespace PhysML.Viewer.Tests;

/// <summary>The triple buffer hands over the latest snapshot, never the one the other side holds, and never blocks.</summary>
public sealed class SnapshotExchangeTests
{
    private sealed class Box
    {
        public int Value;
    }

    [Fact]
    public void Reader_TakesOnlyTheLatestPublished_AndWriterNeverGetsTheReadersBuffer()
    {
        var exchange = new SnapshotExchange<Box>(() => new Box());
        Assert.False(exchange.TryTakeLatest());

        exchange.Back.Value = 1;
        exchange.Publish();
        exchange.Back.Value = 2;
        exchange.Publish(); // the reader missed 1: it gets 2, the newest
        Assert.True(exchange.TryTakeLatest());
        Assert.Equal(2, exchange.Front.Value);
        Assert.False(exchange.TryTakeLatest()); // nothing new: Front stays
        Assert.Equal(2, exchange.Front.Value);

        for (int i = 3; i < 10; i++)
        {
            Assert.NotSame(exchange.Front, exchange.Back);
            exchange.Back.Value = i;
            exchange.Publish();
            Assert.NotSame(exchange.Front, exchange.Back);
        }

        Assert.Equal(2, exchange.Front.Value); // writing never disturbs what the reader holds
        Assert.True(exchange.TryTakeLatest());
        Assert.Equal(9, exchange.Front.Value);
    }

    [Fact]
    public void ConcurrentWriterAndReader_SeeIncreasingValues_AndNoTornBuffer()
    {
        // Each buffer holds a value written twice; a reader seeing the halves differ would be reading a buffer the
        // writer is filling. Counts, not clocks: the test ends when the writer has published 200 000 times.
        var exchange = new SnapshotExchange<int[]>(() => new int[2]);
        const int count = 200_000;
        var writer = new Thread(() =>
        {
            for (int i = 1; i <= count; i++)
            {
                exchange.Back[0] = i;
                exchange.Back[1] = i;
                exchange.Publish();
            }
        });
        writer.Start();
        int last = 0;
        while (last < count)
        {
            if (!exchange.TryTakeLatest()) continue;
            int[] front = exchange.Front;
            Assert.Equal(front[0], front[1]);
            Assert.True(front[0] > last, $"went back from {last} to {front[0]}");
            last = front[0];
        }

        writer.Join();
    }
}
