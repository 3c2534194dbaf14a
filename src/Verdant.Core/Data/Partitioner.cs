namespace Verdant.Core.Data;

/// <summary>Splits example indices over nodes; seeded, so the same seed gives the same split.</summary>
/// <remarks>
/// Every node's indices come back sorted ascending (cache-friendly gathers; the sampler shuffles anyway).
/// IID deals a shuffled permutation in near-equal contiguous pieces. Shards follows McMahan et al., "Communication-
/// efficient learning of deep networks from decentralized data" (AISTATS 2017). Dirichlet label skew follows Hsu, Qi
/// and Brown, "Measuring the effects of non-identical data distribution for federated visual classification" (2019).
/// </remarks>
public static partial class Partitioner
{
    /// <summary>
    /// Returns one index array per node. Every example goes to at most one node; every node gets at least one example.
    /// </summary>
    /// <exception cref="ArgumentException">More nodes than examples, alpha not positive, too few shards.</exception>
    public static int[][] Partition(ReadOnlySpan<byte> labels, int classCount, int nodes, PartitionSpec spec, Random random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        Validate(labels, classCount, nodes);
        return spec.Kind switch
        {
            PartitionKind.Iid => Iid(labels.Length, nodes, random),
            PartitionKind.Dirichlet => Dirichlet(labels, classCount, nodes, spec.Alpha, random),
            PartitionKind.Shards => Shards(labels, classCount, nodes, spec.ShardsPerNode, random),
            _ => throw new ArgumentException($"Unknown partition kind {spec.Kind}.", nameof(spec)),
        };
    }

    private static void Validate(ReadOnlySpan<byte> labels, int classCount, int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        if (nodes > labels.Length)
        {
            throw new ArgumentException(
                $"Cannot give each of {nodes} nodes an example: there are only {labels.Length} examples.", nameof(nodes));
        }

        int bad = classCount >= 256 ? -1 : labels.IndexOfAnyInRange((byte)classCount, byte.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Label {labels[bad]} of example {bad} is not below the class count {classCount}.", nameof(labels));
        }
    }

    private static int[][] Iid(int count, int nodes, Random random)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var result = new int[nodes][];
        for (int j = 0; j < nodes; j++)
        {
            result[j] = Piece(order, count, nodes, j);
        }

        return result;
    }

    private static int[][] Shards(ReadOnlySpan<byte> labels, int classCount, int nodes, int shardsPerNode, Random random)
    {
        if (shardsPerNode <= 0 || (long)nodes * shardsPerNode > labels.Length)
        {
            throw new ArgumentException(
                $"Cannot cut {labels.Length} examples into {nodes} nodes x {shardsPerNode} non-empty shards.",
                nameof(shardsPerNode));
        }

        int shardCount = nodes * shardsPerNode;
        int[] sorted = SortedByLabel(labels, classCount);
        int[] shardOrder = Enumerable.Range(0, shardCount).ToArray();
        random.Shuffle(shardOrder);
        var result = new int[nodes][];
        for (int j = 0; j < nodes; j++)
        {
            var mine = new List<int>();
            for (int s = 0; s < shardsPerNode; s++)
            {
                mine.AddRange(Piece(sorted, labels.Length, shardCount, shardOrder[(j * shardsPerNode) + s]));
            }

            result[j] = [.. mine];
            Array.Sort(result[j]);
        }

        return result;
    }

    /// <summary>Piece <paramref name="piece"/> of <paramref name="pieces"/> near-equal contiguous pieces, sorted.</summary>
    private static int[] Piece(int[] order, int count, int pieces, int piece)
    {
        int start = (int)((long)count * piece / pieces);
        int end = (int)((long)count * (piece + 1) / pieces);
        int[] slice = order[start..end];
        Array.Sort(slice);
        return slice;
    }

    /// <summary>A stable counting sort of the indices by label.</summary>
    private static int[] SortedByLabel(ReadOnlySpan<byte> labels, int classCount)
    {
        var starts = new int[classCount + 1];
        foreach (byte label in labels)
        {
            starts[label + 1]++;
        }

        for (int c = 0; c < classCount; c++)
        {
            starts[c + 1] += starts[c];
        }

        var sorted = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            sorted[starts[labels[i]]++] = i;
        }

        return sorted;
    }
}
