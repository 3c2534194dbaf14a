using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>Progress of the runs of a comparison, reported from the threads that run them (implementations are thread-safe).</summary>
internal interface ICompareProgress
{
    /// <summary>Run <paramref name="index"/> (in plan order) starts; its rounds are reported to the returned sink.</summary>
    IProgress<RoundProgress> Started(int index);

    /// <summary>Run <paramref name="index"/> finished.</summary>
    void Finished(int index, CompareRun run);

    /// <summary>Run <paramref name="index"/> blew up (<paramref name="message"/> names the round and unit); the batch goes on.</summary>
    void Diverged(int index, string message);
}
