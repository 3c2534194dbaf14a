namespace Verdant.Core.Consensus;

/// <summary>
/// The memory schedule of a column-blocked step that visits the active rows in index order (<see cref="Gossip.MixColumns"/>):
/// the active rows ordered by the first active row that reads them, and by the last.
/// </summary>
/// <remarks>
/// Within one column block, a row's segment is fetched from memory when its first reader is mixed and can be written back
/// once its last reader is done. Knowing both, the block prefetches each segment just before it is first needed (the
/// segments are short, scattered streams that the hardware prefetcher picks up late) and writes each mixed segment back
/// while it is still in cache instead of in a second pass over the block (docs/performance.md, "Mixing: prefetch and
/// early write-back"). Built by <see cref="Rebuild"/> in O(N + E) with a counting sort; allocates nothing after the
/// constructor.
/// </remarks>
public sealed partial class MixingMatrix
{
    private readonly bool[] _activeMask;
    private readonly int[] _firstReader;
    private readonly int[] _lastReader;
    private readonly int[] _byFirstReader;
    private readonly int[] _byLastReader;
    private readonly int[] _bucketStart;
    private int _scheduledRows;

    /// <summary>The mask of the last <see cref="Rebuild"/>.</summary>
    internal ReadOnlySpan<bool> ActiveMask => _activeMask;

    /// <summary>Active rows ordered by their first reader (ascending; ties by row).</summary>
    internal ReadOnlySpan<int> RowsByFirstReader => _byFirstReader.AsSpan(0, _scheduledRows);

    /// <summary>Active rows ordered by their last reader (ascending; ties by row).</summary>
    internal ReadOnlySpan<int> RowsByLastReader => _byLastReader.AsSpan(0, _scheduledRows);

    /// <summary>The smallest active row whose weights read <paramref name="row"/> (row itself included).</summary>
    internal int FirstReader(int row) => _firstReader[row];

    /// <summary>The largest active row whose weights read <paramref name="row"/> (row itself included).</summary>
    internal int LastReader(int row) => _lastReader[row];

    private void RebuildSchedule(ReadOnlySpan<bool> active)
    {
        int n = Graph.NodeCount;
        active.CopyTo(_activeMask);
        _firstReader.AsSpan().Fill(-1);
        _lastReader.AsSpan().Fill(-1);
        _scheduledRows = 0;
        for (int i = 0; i < n; i++)
        {
            if (!active[i])
            {
                continue;
            }

            _scheduledRows++;
            var columns = RowColumns(i);
            var weights = RowWeights(i);
            int diagonal = _diagonalSlot[i];
            for (int k = 0; k < columns.Length; k++)
            {
                // A row's own result is written back after it is computed, whatever its diagonal weight.
                if (k == diagonal || weights[k] != 0f)
                {
                    int j = columns[k];
                    if (_firstReader[j] < 0)
                    {
                        _firstReader[j] = i;
                    }

                    _lastReader[j] = i;
                }
            }
        }

        SortByKey(_firstReader, _byFirstReader);
        SortByKey(_lastReader, _byLastReader);
    }

    // Counting sort of the active rows by a key in [0, N); rows with equal keys keep index order.
    private void SortByKey(int[] key, int[] destination)
    {
        var start = _bucketStart.AsSpan();
        start.Clear();
        for (int j = 0; j < key.Length; j++)
        {
            if (_activeMask[j])
            {
                start[key[j] + 1]++;
            }
        }

        for (int b = 1; b < start.Length; b++)
        {
            start[b] += start[b - 1];
        }

        for (int j = 0; j < key.Length; j++)
        {
            if (_activeMask[j])
            {
                destination[start[key[j]]++] = j;
            }
        }
    }
}
