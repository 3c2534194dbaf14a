namespace Verdant.Core.Energy.Import;

/// <summary>Recognises a layout from the header alone, where only one layout fits.</summary>
internal static class LayoutDetector
{
    private static readonly string[] TimeNames =
        ["timestamp", "time", "datetime", "date", "period_start", "time (utc)", "datetime (utc)", "timestamp (utc)"];

    public static SeriesLayout Detect(CsvTable table)
    {
        if (IsElectricityMaps(table))
        {
            return SeriesLayout.ElectricityMaps;
        }

        if (table.Find("point_time") >= 0 && table.Find("value") >= 0)
        {
            return SeriesLayout.WattTime;
        }

        if (table.Find("time") >= 0 && table.Find("carbon intensity") >= 0)
        {
            return SeriesLayout.LetsWaitAwhile;
        }

        if (FindTime(table) >= 0 && (FindGhi(table) >= 0 || FindCapacityFactor(table) >= 0))
        {
            return SeriesLayout.Irradiance;
        }

        throw new SeriesFormatException(table.Source, 1, null,
            $"cannot detect the layout from the header ({table.Available()}); name it in the options " +
            "(Generic, MarginalZone or VessimSolar, with the columns to read)");
    }

    public static bool IsElectricityMaps(CsvTable table) =>
        table.Find("datetime (utc)") >= 0 && table.Find(h => h.StartsWith("carbon intensity gco2eq/kwh", StringComparison.Ordinal)) >= 0;

    public static int FindTime(CsvTable table)
    {
        foreach (string name in TimeNames)
        {
            int index = table.Find(name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    public static int FindGhi(CsvTable table) =>
        table.Find(h => h == "ghi" || h.StartsWith("ghi ", StringComparison.Ordinal) || h.StartsWith("ghi_", StringComparison.Ordinal));

    public static int FindCapacityFactor(CsvTable table) =>
        table.Find(h => h is "capacity_factor" or "capacity factor" or "cf" or "pv_capacity_factor");
}
