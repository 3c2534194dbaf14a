using System.Diagnostics;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Bench;

/// <summary>One gossip step X &lt;- W X on the trainer's own parameters, split over workers the way the trainer splits it.</summary>
internal static class MixBench
{
    /// <summary>GB/s of compulsory traffic (8 bytes per active parameter: one read, one write), best of the repeats.</summary>
    public static double Gbs(DecentralizedSgd sgd, MixingMatrix mixing, bool[] active, int workers, double minSeconds)
    {
        StackedMatrix x = sgd.Parameters;
        using var pool = new WorkerPool(workers);
        int width = Math.Min(x.Cols, DecentralizedSgd.MixBlockColumns);
        float[][] buffers = [.. Enumerable.Range(0, workers).Select(_ => new float[x.Rows * width])];
        int blocks = DecentralizedSgd.MixBlockCount(x.Cols);
        var claims = new BlockClaims();
        Action<int> mix = worker =>
        {
            while (claims.TryClaim(worker, out int item))
            {
                int from = item * width;
                Gossip.MixColumns(mixing, x, active, from, Math.Min(x.Cols, from + width), buffers[worker]);
            }
        };
        double best = double.MaxValue;
        long begin = Stopwatch.GetTimestamp();
        int repeats = 0;
        while (repeats < 3 || Stopwatch.GetElapsedTime(begin).TotalSeconds < minSeconds)
        {
            long start = Stopwatch.GetTimestamp();
            claims.Reset(blocks);
            pool.Run(mix);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            repeats++;
        }

        int activeRows = active.Count(a => a);
        return 8.0 * activeRows * x.Cols / best / 1e9;
    }
}
