namespace Verdant.Cli.Report;

/// <summary>
/// energy.csv grouped by site, in file order, each site's rows as hours since the first hour of the file. The rows of
/// site <c>network</c> (the network's own account, when the run kept one) are set apart from the sites'.
/// </summary>
internal sealed class SiteHours
{
    public const string NetworkSite = "network";

    private SiteHours(CsvData energy, DateTimeOffset origin, List<(string Site, List<string[]> Rows)> sites)
    {
        Energy = energy;
        Origin = origin;
        Sites = sites.Where(s => s.Site != NetworkSite).ToList();
        Network = sites.FirstOrDefault(s => s.Site == NetworkSite).Rows;
    }

    public CsvData Energy { get; }

    public DateTimeOffset Origin { get; }

    public IReadOnlyList<(string Site, List<string[]> Rows)> Sites { get; }

    public List<string[]>? Network { get; }

    public static SiteHours? From(CsvData? energy)
    {
        if (energy is null || energy.Count == 0)
        {
            return null;
        }

        var sites = new List<(string Site, List<string[]> Rows)>();
        DateTimeOffset origin = DateTimeOffset.MaxValue;
        foreach (string[] row in energy.Rows)
        {
            string site = energy.Text(row, "site");
            int i = sites.FindIndex(s => s.Site == site);
            if (i < 0)
            {
                sites.Add((site, []));
                i = sites.Count - 1;
            }

            sites[i].Rows.Add(row);
            if (energy.Time(row, "hour_utc") is { } t && t < origin)
            {
                origin = t;
            }
        }

        return new SiteHours(energy, origin == DateTimeOffset.MaxValue ? default : origin, sites);
    }

    /// <summary>Hours since <see cref="Origin"/> of each row.</summary>
    public double[] Hours(IReadOnlyList<string[]> rows)
        => [.. rows.Select(r => Energy.Time(r, "hour_utc") is { } t ? (t - Origin).TotalHours : double.NaN)];

    public double[] Column(IReadOnlyList<string[]> rows, string column)
        => [.. rows.Select(r => Energy.Number(r, column) is var x && double.IsFinite(x) ? x : 0)];

    /// <summary>Total of a column over a site's rows.</summary>
    public double Sum(IReadOnlyList<string[]> rows, string column) => Column(rows, column).Sum();
}
