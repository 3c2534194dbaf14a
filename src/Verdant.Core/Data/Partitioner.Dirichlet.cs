using MathNet.Numerics.Distributions;

namespace Verdant.Core.Data;

/// <summary>Dirichlet label skew (Hsu, Qi and Brown, 2019).</summary>
public static partial class Partitioner
{
    /// <summary>
    /// For each class, draws node proportions q ~ Dir(alpha, ..., alpha) and cuts the class's shuffled examples at the
    /// cumulative proportions. A node left empty then takes one example from the currently largest node, which keeps the
    /// "every node has an example" guarantee at the cost of at most <c>nodes</c> moved examples.
    /// </summary>
    private static int[][] Dirichlet(ReadOnlySpan<byte> labels, int classCount, int nodes, double alpha, Random random)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentException($"Dirichlet alpha must be positive and finite, got {alpha}.", nameof(alpha));
        }

        int[] sorted = SortedByLabel(labels, classCount);
        var owned = new List<int>[nodes];
        for (int j = 0; j < nodes; j++)
        {
            owned[j] = [];
        }

        var proportions = new double[nodes];
        for (int start = 0, c = 0; c < classCount; c++)
        {
            int end = start;
            while (end < sorted.Length && labels[sorted[end]] == c)
            {
                end++;
            }

            Span<int> members = sorted.AsSpan(start, end - start);
            random.Shuffle(members);
            DrawDirichlet(proportions, alpha, random);
            Deal(members, proportions, owned);
            start = end;
        }

        FillEmpty(owned);
        var result = new int[nodes][];
        for (int j = 0; j < nodes; j++)
        {
            result[j] = [.. owned[j]];
            Array.Sort(result[j]);
        }

        return result;
    }

    /// <summary>Normalized Gamma(alpha, 1) draws; falls back to one random node when every draw underflows to zero.</summary>
    private static void DrawDirichlet(double[] proportions, double alpha, Random random)
    {
        double sum = 0;
        for (int j = 0; j < proportions.Length; j++)
        {
            proportions[j] = Gamma.Sample(random, alpha, 1.0);
            sum += proportions[j];
        }

        if (!(sum > 0))
        {
            Array.Clear(proportions);
            proportions[random.Next(proportions.Length)] = 1;
            return;
        }

        for (int j = 0; j < proportions.Length; j++)
        {
            proportions[j] /= sum;
        }
    }

    private static void Deal(ReadOnlySpan<int> members, double[] proportions, List<int>[] owned)
    {
        double cumulative = 0;
        int from = 0;
        for (int j = 0; j < proportions.Length; j++)
        {
            cumulative += proportions[j];
            int to = j == proportions.Length - 1 ? members.Length : (int)Math.Round(cumulative * members.Length);
            to = Math.Clamp(to, from, members.Length);
            owned[j].AddRange(members[from..to]);
            from = to;
        }
    }

    private static void FillEmpty(List<int>[] owned)
    {
        for (int j = 0; j < owned.Length; j++)
        {
            if (owned[j].Count > 0)
            {
                continue;
            }

            int largest = 0;
            for (int i = 1; i < owned.Length; i++)
            {
                largest = owned[i].Count > owned[largest].Count ? i : largest;
            }

            owned[j].Add(owned[largest][^1]);
            owned[largest].RemoveAt(owned[largest].Count - 1);
        }
    }
}
