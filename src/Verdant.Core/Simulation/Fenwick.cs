namespace Verdant.Core.Simulation;

/// <summary>
/// Binary indexed tree over counts (Fenwick, "A new data structure for cumulative frequency tables", 1994): tree[1..n]
/// holds partial sums, so a count changes and a prefix sum or the n-th set element is read in O(log n).
/// </summary>
internal static class Fenwick
{
    /// <summary>Adds <paramref name="delta"/> at 0-based <paramref name="index"/>.</summary>
    public static void Add(int[] tree, int index, int delta)
    {
        for (int i = index + 1; i < tree.Length; i += i & -i)
        {
            tree[i] += delta;
        }
    }

    /// <summary>Sum of the counts at 0-based indices [0, <paramref name="count"/>).</summary>
    public static int Prefix(int[] tree, int count)
    {
        int sum = 0;
        for (int i = count; i > 0; i -= i & -i)
        {
            sum += tree[i];
        }

        return sum;
    }

    /// <summary>The 0-based index holding the (<paramref name="nth"/> + 1)-th unit of count, counts being 0 or 1.</summary>
    public static int FindNth(int[] tree, int nth)
    {
        int position = 0;
        int remaining = nth + 1;
        for (int step = tree.Length <= 1 ? 0 : 1 << (31 - int.LeadingZeroCount(tree.Length - 1)); step > 0; step >>= 1)
        {
            if (position + step < tree.Length && tree[position + step] < remaining)
            {
                position += step;
                remaining -= tree[position];
            }
        }

        return position;
    }
}
