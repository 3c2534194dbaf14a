using System.Diagnostics;
using Verdant.Core.Numerics;

namespace Verdant.Cli.Bench;

/// <summary>
/// The quick benchmark behind <c>verdant bench</c>: rooflines, then logreg and MLP at 16, 64, 256 and 1024 nodes, the
/// rooflines again (each is the best of both readings), then the naive loop at 64, all in one process so that every ratio
/// compares numbers of the same machine and moment.
/// </summary>
/// <remarks>Progress lines go to <paramref name="progress"/>; the result is returned, never printed here.</remarks>
internal sealed class QuickBench(int workers, Action<string> progress)
{
    public static readonly int[] NodeCounts = [16, 64, 256, 1024];
    public static readonly string[] Models = ["logreg", "mlp"];

    /// <summary>Rounds run (untimed) after the timed ones at 1024 MLP nodes: 0 in the quick run, 100 for the scale check.</summary>
    public int ScaleRounds { get; init; }

    /// <summary>Seconds each timed measurement runs at least.</summary>
    public double MinSeconds { get; init; } = 2.0;

    /// <summary>Whole-simulation cases (model:units) run after the training cases; none in the quick run.</summary>
    public IReadOnlyList<string> SimulationCases { get; init; } = [];

    public BenchReport Run()
    {
        using var pool = new WorkerPool(workers);
        (double sgemm, double stream) = MeasureRooflines(pool);
        return RunCases(sgemm, stream, pool);
    }

    private (double Sgemm, double Stream) MeasureRooflines(WorkerPool pool)
    {
        progress($"sgemm 2048 x 2048 x 2048 at {workers} OpenBLAS thread(s)");
        double sgemm = Rooflines.SgemmGflops(2048, workers, 5);
        progress($"stream triad, 3 x 256 MiB over {workers} worker(s)");
        double stream = Rooflines.StreamGbs(pool, 64 << 20, 10);
        progress(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sgemm {sgemm:0.0} GFLOP/s, stream {stream:0.0} GB/s"));
        return (sgemm, stream);
    }

    private BenchReport RunCases(double sgemm, double stream, WorkerPool pool)
    {
        var data = TrainingBench.Data(16384);
        var bench = new TrainingBench(workers, MinSeconds);
        var cases = new List<BenchCase>();
        foreach (string model in Models)
        {
            foreach (int nodes in NodeCounts)
            {
                progress($"{model} at {nodes} nodes");
                int extra = model == "mlp" && nodes == 1024 ? ScaleRounds : 0;
                BenchCase result = bench.Run(model, nodes, data, sgemm, stream, extra);
                cases.Add(result);
                progress(result.ToString());
                GC.Collect();
            }
        }

        // The rooflines again, and the best of both: a roofline read while the machine is disturbed (its slow two-core
        // mode, a neighbour's job) is low and would flatter every ratio (docs/performance.md).
        (double sgemmAfter, double streamAfter) = MeasureRooflines(pool);
        sgemm = Math.Max(sgemm, sgemmAfter);
        stream = Math.Max(stream, streamAfter);
        cases = AgainstRooflines(cases, sgemm, stream);
        progress("naive node loop, mlp at 64 nodes");
        double naive = NaiveBench.NodeStepsPerS(64, data, MinSeconds);
        double stacked = cases.Single(c => c.Model == "mlp" && c.Nodes == 64).NodeStepsPerS;
        var all = new List<object>(cases);
        all.AddRange(new SimulationBench(workers, progress).Run(SimulationCases));
        double peakGib = Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1L << 30);
        return new BenchReport(TrainingBench.Round(sgemm), TrainingBench.Round(stream), TrainingBench.Round(naive, 3), all,
            workers, TrainingBench.Round(stacked / naive, 1), TrainingBench.Round(peakGib, 3));
    }

    /// <summary>The cases with their ratios taken against <paramref name="sgemm"/> and <paramref name="stream"/>.</summary>
    internal static List<BenchCase> AgainstRooflines(IEnumerable<BenchCase> cases, double sgemm, double stream) =>
        cases.Select(c => c with
        {
            TrainRooflineRatio = TrainingBench.Round(c.TrainGflops / sgemm, 3),
            MixRooflineRatio = TrainingBench.Round(c.MixGbs / stream, 3),
        }).ToList();
}
