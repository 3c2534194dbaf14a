namespace Verdant.Core.Data;

/// <summary>A labelled data set held in memory: features row-major (Count x FeatureCount, float32), one label per row.</summary>
public sealed class Dataset
{
    /// <summary>Creates a data set; throws when lengths disagree or a label is out of range.</summary>
    public Dataset(float[] features, byte[] labels, int featureCount, int classCount) => throw new NotImplementedException();

    /// <summary>Row-major features.</summary>
    public float[] Features => throw new NotImplementedException();

    /// <summary>Labels in 0..ClassCount-1.</summary>
    public byte[] Labels => throw new NotImplementedException();

    /// <summary>Number of examples.</summary>
    public int Count => throw new NotImplementedException();

    /// <summary>Features per example.</summary>
    public int FeatureCount => throw new NotImplementedException();

    /// <summary>Number of classes.</summary>
    public int ClassCount => throw new NotImplementedException();

    /// <summary>Example <paramref name="index"/>'s features.</summary>
    public ReadOnlySpan<float> Example(int index) => throw new NotImplementedException();
}
