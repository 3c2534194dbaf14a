namespace Verdant.Core.Data;

/// <summary>
/// Holds a validation set out of the training set: stopping, target detection and the policies' progress signals read it,
/// so the test set is only ever read to report.
/// </summary>
/// <remarks>
/// Size: the requested count, at most a tenth of the training set (so small data sets keep most of their examples for
/// training). Which examples: a uniform sample without replacement (partial Fisher-Yates) from the given generator; the
/// rest keep their original order for the partitioner.
/// </remarks>
public static class ValidationSplit
{
    /// <summary>Largest share of the training set that goes to validation.</summary>
    public const double MaxFraction = 0.1;

    /// <summary>Examples held out for <paramref name="requested"/> on a training set of <paramref name="count"/>.</summary>
    public static int Size(int count, int requested) => Math.Clamp(requested, 0, (int)(count * MaxFraction));

    /// <summary>Splits <paramref name="all"/> into the examples kept for training and the validation set.</summary>
    public static (Dataset Train, Dataset Validation) Split(Dataset all, int requested, Random random)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(random);
        int size = Size(all.Count, requested);
        if (size == 0)
        {
            throw new ArgumentException($"A training set of {all.Count} examples is too small to hold out a validation set.", nameof(all));
        }

        int[] order = [.. Enumerable.Range(0, all.Count)];
        for (int k = 0; k < size; k++)
        {
            int j = k + random.Next(all.Count - k);
            (order[k], order[j]) = (order[j], order[k]);
        }

        int[] validation = order[..size];
        int[] train = order[size..];
        Array.Sort(validation);
        Array.Sort(train);
        return (all.Subset(train), all.Subset(validation));
    }
}
