using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>
/// One consensus step X &lt;- W X on the stacked parameters (Nedic and Ozdaglar, 2009): a sparse-by-dense product over the
/// active rows; inactive rows are left untouched.
/// </summary>
public static class Gossip
{
    /// <summary>
    /// Mixes the active rows of <paramref name="x"/> with weights <paramref name="w"/>, using <paramref name="scratch"/>
    /// (same shape) as the destination before copying back. Allocates nothing.
    /// </summary>
    public static void Mix(MixingMatrix w, StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active)
        => throw new NotImplementedException();

    /// <summary>Phase one of a split mix: scratch_i = sum_j W_ij x_j for active rows i in [fromRow, toRow).</summary>
    public static void MixRows(MixingMatrix w, StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active,
        int fromRow, int toRow) => throw new NotImplementedException();

    /// <summary>Phase two of a split mix: copies active rows in [fromRow, toRow) from scratch back into x.</summary>
    public static void CommitRows(StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active, int fromRow, int toRow)
        => throw new NotImplementedException();

    /// <summary>
    /// One node's mix: destination = sum_j weights[j] * rows[j]. The single-node form a distributed worker calls with its
    /// neighbours' parameters.
    /// </summary>
    public static void MixRow(ReadOnlySpan<float> weights, IReadOnlyList<ReadOnlyMemory<float>> rows, Span<float> destination)
        => throw new NotImplementedException();

    /// <summary>Mean over active rows of the squared distance to the active rows' average: (1/n) sum_i |x_i - x̄|^2.</summary>
    public static double ConsensusDistance(StackedMatrix x, ReadOnlySpan<bool> active, Span<float> meanScratch)
        => throw new NotImplementedException();
}
