namespace Verdant.Core.Data;

/// <summary>A synthetic multinomial-logistic problem with planted weights: a convex objective with a known solution scale, for tests.</summary>
/// <remarks>
/// Planted W* has entries N(0, 1) scaled by 3 / sqrt(features) and a bias column N(0, 1), so a logit has a standard
/// deviation near 3: the labels are learnable but not separable. Row c of W* is [w_c (features), b_c].
/// Features are i.i.d. N(0, 1) by the Box-Muller transform. Deterministic for a seeded <see cref="Random"/>.
/// </remarks>
public static class SyntheticLogistic
{
    /// <summary>Draws Gaussian features and labels sampled from softmax(W* x) for planted W* (classes x (features+1)).</summary>
    public static (Dataset Data, float[] PlantedWeights) Create(int count, int featureCount, int classCount, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        ArgumentNullException.ThrowIfNull(random);
        int width = featureCount + 1;
        var planted = new float[classCount * width];
        float scale = 3f / MathF.Sqrt(featureCount);
        for (int i = 0; i < planted.Length; i++)
        {
            planted[i] = (float)Gaussian(random) * (i % width == featureCount ? 1f : scale);
        }

        var features = new float[count * featureCount];
        var labels = new byte[count];
        var logits = new double[classCount];
        for (int e = 0; e < count; e++)
        {
            Span<float> x = features.AsSpan(e * featureCount, featureCount);
            for (int f = 0; f < featureCount; f++)
            {
                x[f] = (float)Gaussian(random);
            }

            labels[e] = SampleLabel(planted, x, logits, random);
        }

        return (new Dataset(features, labels, featureCount, classCount), planted);
    }

    private static byte SampleLabel(float[] planted, ReadOnlySpan<float> x, double[] logits, Random random)
    {
        int width = x.Length + 1;
        double max = double.NegativeInfinity;
        for (int c = 0; c < logits.Length; c++)
        {
            ReadOnlySpan<float> row = planted.AsSpan(c * width, width);
            double z = row[^1];
            for (int f = 0; f < x.Length; f++)
            {
                z += (double)row[f] * x[f];
            }

            logits[c] = z;
            max = Math.Max(max, z);
        }

        double total = 0;
        for (int c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp(logits[c] - max);
            total += logits[c];
        }

        double u = random.NextDouble() * total;
        for (int c = 0; c < logits.Length - 1; c++)
        {
            u -= logits[c];
            if (u < 0)
            {
                return (byte)c;
            }
        }

        return (byte)(logits.Length - 1);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
