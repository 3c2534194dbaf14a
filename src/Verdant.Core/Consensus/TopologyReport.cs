namespace Verdant.Core.Consensus;

/// <summary>
/// What a communication graph costs and buys: degrees, edges, the spectral gap of its Metropolis matrix (consensus speed,
/// Xiao and Boyd 2004) and the bytes one gossip round moves when every node sends its model to every neighbour.
/// </summary>
public sealed record TopologyReport(int Nodes, int Edges, int MinDegree, double MeanDegree, int MaxDegree, double SpectralGap,
    long MessageBytes, long BytesPerRound)
{
    /// <summary>How the gap was computed (dense or Lanczos) and its error bound.</summary>
    public SpectralEstimate Spectrum { get; init; } = new(0, 0, 0, 0);

    /// <summary>Describes <paramref name="graph"/> for models of <paramref name="messageBytes"/> bytes.</summary>
    public static TopologyReport Of(Graph graph, long messageBytes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        int[] degrees = Enumerable.Range(0, n).Select(graph.Degree).ToArray();
        bool[] all = Enumerable.Repeat(true, n).ToArray();
        SpectralEstimate spectrum = new MixingMatrix(graph).EstimateSpectrum(all);
        return new TopologyReport(n, graph.EdgeCount, degrees.Min(), degrees.Average(), degrees.Max(), spectrum.Gap,
            messageBytes, 2L * graph.EdgeCount * messageBytes) { Spectrum = spectrum };
    }
}
