using System.Numerics.Tensors;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>
/// One consensus step X &lt;- W X on the stacked parameters (Nedic and Ozdaglar, 2009): a sparse-by-dense product over the
/// active rows; inactive rows are left untouched.
/// </summary>
/// <remarks>
/// Nedic and Ozdaglar, "Distributed subgradient methods for multi-agent optimization", IEEE TAC, 2009. The step reads
/// neighbours' old rows, so it runs in two phases: <see cref="MixRows"/> writes W X into the scratch rows, then
/// <see cref="CommitRows"/> copies them back. Worker threads may split each phase by row ranges, with a barrier between
/// the phases. The weights must come from <see cref="MixingMatrix.Rebuild"/> with the same active mask. Every inner loop is one TensorPrimitives call over a whole row, so the step streams at memory bandwidth.
/// </remarks>
public static partial class Gossip
{
    /// <summary>
    /// Mixes the active rows of <paramref name="x"/> with weights <paramref name="w"/>, using <paramref name="scratch"/>
    /// (same shape) as the destination before copying back. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes of <paramref name="x"/>, <paramref name="scratch"/>, <paramref name="active"/> and the graph differ.</exception>
    public static void Mix(MixingMatrix w, StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active)
    {
        MixRows(w, x, scratch, active, 0, x.Rows);
        CommitRows(x, scratch, active, 0, x.Rows);
    }

    /// <summary>
    /// Phase one for rows [<paramref name="fromRow"/>, <paramref name="toRow"/>): scratch_i = sum_j W_ij x_j for every
    /// active i in the range; <paramref name="x"/> is only read. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">Mismatched shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range is not inside [0, N].</exception>
    public static void MixRows(
        MixingMatrix w, StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active, int fromRow, int toRow)
    {
        CheckShapes(w, x, scratch, active);
        CheckRange(fromRow, toRow, x.Rows);
        for (int i = fromRow; i < toRow; i++)
        {
            if (active[i])
            {
                MixOneRow(w, x, i, scratch.Row(i));
            }
        }
    }

    /// <summary>
    /// Phase two for rows [<paramref name="fromRow"/>, <paramref name="toRow"/>): copies the active scratch rows back
    /// into <paramref name="x"/>; inactive rows of <paramref name="x"/> stay as they are.
    /// </summary>
    /// <exception cref="ArgumentException">Mismatched shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range is not inside [0, N].</exception>
    public static void CommitRows(StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active, int fromRow, int toRow)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scratch);
        CheckSameShape(x, scratch);
        Graph.CheckMask(active, x.Rows, nameof(active));
        CheckRange(fromRow, toRow, x.Rows);
        for (int i = fromRow; i < toRow; i++)
        {
            if (active[i])
            {
                scratch.ReadRow(i).CopyTo(x.Row(i));
            }
        }
    }

    /// <summary>
    /// The whole step for columns [<paramref name="fromCol"/>, <paramref name="toCol"/>) in place: x[i, c] &lt;- sum_j W_ij
    /// x[j, c] for every active i, through <paramref name="buffer"/> (at least N x width floats). Columns mix independently,
    /// so workers may take disjoint column ranges with no barrier and no commit phase. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// Same operations in the same order per element as <see cref="Mix"/>, so the results are bitwise equal. A column block
    /// of X and the buffer stay in cache while the block's rows are mixed, so X is read once and written once from memory,
    /// where whole-row mixing streams every neighbour row and the destination row several times. Each row's segment is
    /// prefetched into L2 a few rows before its first reader and written back right after its last reader
    /// (<see cref="MixingMatrix.RowsByFirstReader"/>): the segments are short scattered streams that the hardware
    /// prefetcher picks up late, and a write-back at the end of the block would find them evicted.
    /// </remarks>
    /// <exception cref="ArgumentException">Mismatched shapes, a short buffer, or a mask other than the one <paramref name="w"/> was rebuilt for.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The column range is not inside [0, P].</exception>
    public static void MixColumns(
        MixingMatrix w, StackedMatrix x, ReadOnlySpan<bool> active, int fromCol, int toCol, Span<float> buffer)
    {
        CheckShapes(w, x, x, active);
        CheckRange(fromCol, toCol, x.Cols);
        int width = toCol - fromCol;
        if (buffer.Length < (long)x.Rows * width)
        {
            throw new ArgumentException($"buffer holds {buffer.Length} floats; {x.Rows} rows x {width} columns need {(long)x.Rows * width}.", nameof(buffer));
        }

        if (!active.SequenceEqual(w.ActiveMask))
        {
            throw new ArgumentException("active differs from the mask the mixing matrix was last rebuilt for.", nameof(active));
        }

        Span<float> data = x.Data;
        ReadOnlySpan<int> byFirst = w.RowsByFirstReader;
        ReadOnlySpan<int> byLast = w.RowsByLastReader;
        int prefetched = 0;
        int written = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            if (!active[i])
            {
                continue;
            }

            for (; prefetched < byFirst.Length && w.FirstReader(byFirst[prefetched]) <= i + Prefetch.AheadRows; prefetched++)
            {
                Prefetch.ToL2(data.Slice((byFirst[prefetched] * x.Cols) + fromCol, width));
            }

            MixOneBlockFused(w, data, x.Cols, fromCol, width, i, buffer.Slice(i * width, width));
            for (; written < byLast.Length && w.LastReader(byLast[written]) <= i; written++)
            {
                int row = byLast[written];
                buffer.Slice(row * width, width).CopyTo(data.Slice((row * x.Cols) + fromCol, width));
            }
        }
    }

    /// <summary>
    /// One node's mix: destination = sum_j weights[j] * rows[j]. The single-node form a distributed worker calls with its
    /// neighbours' parameters.
    /// </summary>
    /// <remarks><paramref name="destination"/> must not overlap any of <paramref name="rows"/> other than rows[0].</remarks>
    /// <exception cref="ArgumentException">No rows, a weight count that differs from the row count, or a row length that differs from the destination.</exception>
    public static void MixRow(ReadOnlySpan<float> weights, IReadOnlyList<ReadOnlyMemory<float>> rows, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || weights.Length != rows.Count)
        {
            throw new ArgumentException(
                $"MixRow needs one weight per row and at least one row, got {weights.Length} weights and {rows.Count} rows.",
                nameof(weights));
        }

        for (int j = 0; j < rows.Count; j++)
        {
            if (rows[j].Length != destination.Length)
            {
                throw new ArgumentException(
                    $"Row {j} has {rows[j].Length} values, the destination {destination.Length}.", nameof(rows));
            }
        }

        TensorPrimitives.Multiply(rows[0].Span, weights[0], destination);
        for (int j = 1; j < rows.Count; j++)
        {
            TensorPrimitives.MultiplyAdd(rows[j].Span, weights[j], destination, destination);
        }
    }

    /// <summary>Mean over active rows of the squared distance to the active rows' average: (1/n) sum_i |x_i - x̄|^2.</summary>
    /// <remarks>Writes the active average x̄ into <paramref name="meanScratch"/> (length P); 0 when no row is active.</remarks>
    /// <exception cref="ArgumentException">Mask or scratch length mismatch.</exception>
    public static double ConsensusDistance(StackedMatrix x, ReadOnlySpan<bool> active, Span<float> meanScratch)
    {
        ArgumentNullException.ThrowIfNull(x);
        Graph.CheckMask(active, x.Rows, nameof(active));
        if (meanScratch.Length != x.Cols)
        {
            throw new ArgumentException($"meanScratch needs {x.Cols} values, got {meanScratch.Length}.", nameof(meanScratch));
        }

        int count = ActiveMean(x, active, meanScratch);
        if (count == 0)
        {
            return 0.0;
        }

        double sum = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            if (active[i])
            {
                double distance = TensorPrimitives.Distance(x.ReadRow(i), meanScratch);
                sum += distance * distance;
            }
        }

        return sum / count;
    }

    // The diagonal weight is positive for every Metropolis row, so it starts the sum; inactive neighbours hold zero and are skipped.
    private static void MixOneRow(MixingMatrix w, StackedMatrix x, int i, Span<float> destination)
    {
        var columns = w.RowColumns(i);
        var weights = w.RowWeights(i);
        int diagonal = w.DiagonalSlot(i);
        TensorPrimitives.Multiply(x.ReadRow(i), weights[diagonal], destination);
        for (int k = 0; k < columns.Length; k++)
        {
            if (k != diagonal && weights[k] != 0f)
            {
                TensorPrimitives.MultiplyAdd(x.ReadRow(columns[k]), weights[k], destination, destination);
            }
        }
    }

    private static void MixOneBlock(MixingMatrix w, ReadOnlySpan<float> data, int cols, int fromCol, int width, int i,
        Span<float> destination)
    {
        var columns = w.RowColumns(i);
        var weights = w.RowWeights(i);
        int diagonal = w.DiagonalSlot(i);
        TensorPrimitives.Multiply(data.Slice((i * cols) + fromCol, width), weights[diagonal], destination);
        for (int k = 0; k < columns.Length; k++)
        {
            if (k != diagonal && weights[k] != 0f)
            {
                TensorPrimitives.MultiplyAdd(data.Slice((columns[k] * cols) + fromCol, width), weights[k], destination, destination);
            }
        }
    }

    /// <summary>Average of the active rows into <paramref name="mean"/> (length P), zero when none is active; returns the active count.</summary>
    /// <remarks>Rows are added in index order, then scaled by 1/count: the same bytes as the mean inside <see cref="ConsensusDistance"/>.</remarks>
    /// <exception cref="ArgumentException">Mask or destination length mismatch.</exception>
    public static int ActiveMean(StackedMatrix x, ReadOnlySpan<bool> active, Span<float> mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        Graph.CheckMask(active, x.Rows, nameof(active));
        if (mean.Length != x.Cols)
        {
            throw new ArgumentException($"mean needs {x.Cols} values, got {mean.Length}.", nameof(mean));
        }

        mean.Clear();
        int count = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            if (active[i])
            {
                TensorPrimitives.Add(mean, x.ReadRow(i), mean);
                count++;
            }
        }

        if (count > 0)
        {
            TensorPrimitives.Multiply(mean, 1f / count, mean);
        }

        return count;
    }

    private static void CheckShapes(MixingMatrix w, StackedMatrix x, StackedMatrix scratch, ReadOnlySpan<bool> active)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scratch);
        if (x.Rows != w.Graph.NodeCount)
        {
            throw new ArgumentException($"x has {x.Rows} rows, the mixing matrix {w.Graph.NodeCount} nodes.", nameof(x));
        }

        CheckSameShape(x, scratch);
        Graph.CheckMask(active, x.Rows, nameof(active));
    }

    private static void CheckSameShape(StackedMatrix x, StackedMatrix scratch)
    {
        if (scratch.Rows != x.Rows || scratch.Cols != x.Cols)
        {
            throw new ArgumentException(
                $"scratch is {scratch.Rows} x {scratch.Cols}, x is {x.Rows} x {x.Cols}; they must match.", nameof(scratch));
        }
    }

    private static void CheckRange(int fromRow, int toRow, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toRow, rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromRow, toRow);
    }
}
