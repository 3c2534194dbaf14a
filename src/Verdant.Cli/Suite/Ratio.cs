namespace Verdant.Cli.Suite;

/// <summary>Median and range (min, max) of per-seed ratios to the reference policy; Count 0 when there is none.</summary>
internal sealed record Ratio(double Median, double Min, double Max, int Count)
{
    public static Ratio Of(IEnumerable<double> values)
    {
        double[] v = [.. values.Where(double.IsFinite).Order()];
        if (v.Length == 0)
        {
            return new Ratio(double.NaN, double.NaN, double.NaN, 0);
        }

        int mid = v.Length / 2;
        double median = v.Length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Ratio(median, v[0], v[^1], v.Length);
    }
}
