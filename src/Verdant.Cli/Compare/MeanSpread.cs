namespace Verdant.Cli.Compare;

/// <summary>Mean and sample standard deviation of a quantity over seeds.</summary>
/// <remarks>
/// The standard deviation uses Bessel's n - 1 (a few seeds are a sample of the seed distribution); it is 0 for one
/// value. Both are NaN when there is no value (no seed reached the target, for time to target).
/// </remarks>
internal sealed record MeanSpread(double Mean, double StdDev, int Count)
{
    public static MeanSpread Of(IEnumerable<double> values)
    {
        double[] v = [.. values];
        if (v.Length == 0)
        {
            return new MeanSpread(double.NaN, double.NaN, 0);
        }

        double mean = v.Average();
        double squares = v.Sum(x => (x - mean) * (x - mean));
        double std = v.Length > 1 ? Math.Sqrt(squares / (v.Length - 1)) : 0;
        return new MeanSpread(mean, std, v.Length);
    }
}
