namespace Verdant.Core.Data;

/// <summary>A labelled data set held in memory: features row-major (Count x FeatureCount, float32), one label per row.</summary>
/// <remarks>The arrays are shared, not copied: the data set is read-only by convention and read by many threads.</remarks>
public sealed class Dataset
{
    /// <summary>Creates a data set; throws when lengths disagree or a label is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive or more than 256 classes.</exception>
    /// <exception cref="ArgumentException">Features are not labels x featureCount long, or a label is not below classCount.</exception>
    public Dataset(float[] features, byte[] labels, int featureCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        if ((long)labels.Length * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"{features.Length} features do not make {labels.Length} examples of {featureCount} features.",
                nameof(features));
        }

        int bad = classCount == 256 ? -1 : labels.AsSpan().IndexOfAnyInRange((byte)classCount, byte.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Label {labels[bad]} of example {bad} is not below the class count {classCount}.", nameof(labels));
        }

        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    /// <summary>Row-major features.</summary>
    public float[] Features { get; }

    /// <summary>Labels in 0..ClassCount-1.</summary>
    public byte[] Labels { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>Features per example.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Example <paramref name="index"/>'s features.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in 0..Count-1.</exception>
    public ReadOnlySpan<float> Example(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Features.AsSpan(index * FeatureCount, FeatureCount);
    }

    /// <summary>A copy of the examples at <paramref name="indices"/>, in that order.</summary>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        var features = new float[indices.Length * FeatureCount];
        var labels = new byte[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            Example(indices[k]).CopyTo(features.AsSpan(k * FeatureCount, FeatureCount));
            labels[k] = Labels[indices[k]];
        }

        return new Dataset(features, labels, FeatureCount, ClassCount);
    }
}
