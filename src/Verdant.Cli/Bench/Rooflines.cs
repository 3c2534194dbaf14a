using System.Diagnostics;
using System.Numerics.Tensors;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Bench;

/// <summary>The machine's own limits, measured in the same process as the simulator: sgemm rate and float FMA bandwidth.</summary>
/// <remarks>
/// The bandwidth kernel is McCalpin's STREAM triad (a = b + s c; "Memory bandwidth and machine balance in current high
/// performance computers", IEEE TCCA Newsletter, 1995) as one <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>
/// per worker slice, counting 12 bytes per element (two reads, one write; write-allocate traffic not counted, as in STREAM).
/// </remarks>
internal static class Rooflines
{
    /// <summary>GFLOP/s of a square sgemm of <paramref name="size"/> through OpenBLAS at <paramref name="threads"/> threads (best of <paramref name="repeats"/>).</summary>
    public static double SgemmGflops(int size, int threads, int repeats)
    {
        var gemm = OpenBlasGemm.Create(threads);
        var a = new float[size * size];
        var b = new float[size * size];
        var c = new float[size * size];
        var random = new Random(1);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)random.NextDouble();
            b[i] = (float)random.NextDouble();
        }

        gemm.Sgemm(false, false, size, size, size, 1f, a, size, b, size, 0f, c, size);
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            gemm.Sgemm(false, false, size, size, size, 1f, a, size, b, size, 0f, c, size);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        OpenBlasGemm.Create(1);
        return 2.0 * size * size * (double)size / best / 1e9;
    }

    /// <summary>GB/s of the triad over <paramref name="length"/> floats split over the pool's workers (best of <paramref name="repeats"/>).</summary>
    public static double StreamGbs(WorkerPool pool, int length, int repeats)
    {
        var a = new float[length];
        var b = new float[length];
        var c = new float[length];
        Array.Fill(b, 1f);
        Array.Fill(c, 2f);
        int slice = length / pool.WorkerCount;
        Action<int> body = w =>
        {
            int from = w * slice;
            int count = w == pool.WorkerCount - 1 ? length - from : slice;
            TensorPrimitives.MultiplyAdd(c.AsSpan(from, count), 3f, b.AsSpan(from, count), a.AsSpan(from, count));
        };
        pool.Run(body);
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            pool.Run(body);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return 12.0 * length / best / 1e9;
    }
}
