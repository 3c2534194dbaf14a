using Verdant.Core.Consensus;

namespace Verdant.Core.Simulation;

// The torus on a composite count (Topology.Torus: rows x cols, rows >= 2): position p, in row p / cols, is joined to
// p + cols and p - cols mod k (the rows below and above: pure offsets) and to its row neighbours, p + 1 and p - 1 except at
// the row's ends, where the row wraps (p - cols + 1 from the last column, p + cols - 1 from the first). Degree 4, or 3
// with two rows (p + cols == p - cols mod k), or 2 on 2 x 2 (the two row neighbours coincide too).
internal sealed partial class OffsetRoundTimeSet
{
    private int _shapeCount;
    private (int Rows, int Cols) _shape;
    private int _gridCols;

    // The vertical offsets of the rows x cols torus on k members; returns the degree, or 0 when k is prime (the ring).
    private int FillGridOffsets(int k)
    {
        if (_shapeCount != k)
        {
            _shape = Topology.TorusShape(k);
            _shapeCount = k;
        }

        (int rows, int cols) = _shape;
        if (rows == 1)
        {
            return 0;
        }

        _gridCols = cols;
        _offsets.Add(cols);
        if (k - cols != cols)
        {
            _offsets.Add(k - cols);
        }

        return _offsets.Count + (cols == 2 ? 1 : 2);
    }

    // Whether a member of the class (site s, boot) has a row neighbour in t's block, t != s (the caller asks only for sites
    // at a positive latency, and a site is at zero latency from itself). A row neighbour outside s's block [a, b] is
    // reached only from a (left), b (right), the last position of a's row (wrapping right to its start, when that start
    // is before a) and the first of b's row (wrapping left to its end, when that end is after b): four positions at most.
    private bool ReachesAlongRow(int s, int t, bool boot, bool whole)
    {
        int cols = _gridCols;
        int a = _start[s];
        int b = a + _inSite[s] - 1;
        int endOfFirstRow = a - (a % cols) + cols - 1;
        int startOfLastRow = b - (b % cols);
        return RowNeighbourIn(a, t, boot, whole) || RowNeighbourIn(b, t, boot, whole)
            || (endOfFirstRow <= b && RowNeighbourIn(endOfFirstRow, t, boot, whole))
            || (startOfLastRow >= a && RowNeighbourIn(startOfLastRow, t, boot, whole));
    }

    // Whether the member at position p is of the class and has a row neighbour in t's block.
    private bool RowNeighbourIn(int p, int t, bool boot, bool whole)
    {
        int cols = _gridCols;
        int column = p % cols;
        int right = column == cols - 1 ? p - cols + 1 : p + 1;
        int left = column == 0 ? p + cols - 1 : p - 1;
        int low = _start[t];
        int high = low + _inSite[t] - 1;
        bool lands = (right >= low && right <= high) || (left >= low && left <= high);
        return lands && (whole || _booting[Fenwick.FindNth(_members, p)] == boot);
    }
}
