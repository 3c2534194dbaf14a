using System.Globalization;
using System.Text;

namespace Verdant.Core.Energy.Import;

/// <summary>Writes small deterministic sample files in every layout, so the project ships samples it generated itself.</summary>
public static class SampleSeriesWriter
{
    private const string ElectricityMapsHeader =
        "Datetime (UTC),Country,Zone name,Zone id,Carbon intensity gCO₂eq/kWh (direct),Carbon intensity gCO₂eq/kWh (Life cycle)," +
        "Carbon-free energy percentage (CFE%),Renewable energy percentage (RE%),Data source,Data estimated,Data estimation method";

    /// <summary>Every layout a sample can be written in (all but <see cref="SeriesLayout.Auto"/>).</summary>
    public static IReadOnlyList<SeriesLayout> Layouts { get; } =
        [.. Enum.GetValues<SeriesLayout>().Where(l => l != SeriesLayout.Auto)];

    /// <summary>A file name for the sample of <paramref name="layout"/>, e.g. <c>sample-electricity-maps.csv</c>.</summary>
    public static string FileName(SeriesLayout layout) => layout switch
    {
        SeriesLayout.ElectricityMaps => "sample-electricity-maps.csv",
        SeriesLayout.WattTime => "sample-watttime.csv",
        SeriesLayout.LetsWaitAwhile => "sample-lets-wait-awhile.csv",
        SeriesLayout.MarginalZone => "sample-marginal-zone.csv",
        SeriesLayout.VessimSolar => "sample-vessim-solar.csv",
        SeriesLayout.Irradiance => "sample-irradiance.csv",
        _ => "sample-generic-load.csv",
    };

    /// <summary>The options that import the sample written for <paramref name="layout"/> from <paramref name="startUtc"/>.</summary>
    public static SeriesImportOptions ImportOptions(SeriesLayout layout, DateTimeOffset startUtc) => layout switch
    {
        SeriesLayout.Generic => new() { Layout = layout, TimeColumn = "timestamp", ValueColumn = "load_kw", Unit = SeriesUnit.Kilowatts },
        SeriesLayout.WattTime => new() { Layout = layout, Unit = SeriesUnit.PoundsCo2PerMwh },
        SeriesLayout.MarginalZone => new() { Layout = layout, Unit = SeriesUnit.GramsCo2PerKwh },
        SeriesLayout.VessimSolar => new() { Layout = layout, ValueColumn = "Berlin", TimeOriginUtc = startUtc },
        _ => new() { Layout = layout },
    };

    /// <summary>Writes <paramref name="days"/> days of the sample for <paramref name="layout"/> as UTF-8 (no BOM), LF line ends.</summary>
    public static void Write(SeriesLayout layout, Stream stream, DateTimeOffset startUtc, int days)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        Write(layout, writer, startUtc, days);
    }

    /// <summary>Writes <paramref name="days"/> days of the sample for <paramref name="layout"/>, one row per native step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The layout is Auto or the day count is not positive.</exception>
    public static void Write(SeriesLayout layout, TextWriter writer, DateTimeOffset startUtc, int days)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(days, 0);
        ArgumentOutOfRangeException.ThrowIfEqual(layout, SeriesLayout.Auto);
        DateTimeOffset start = startUtc.ToUniversalTime();
        (string header, TimeSpan step, Func<DateTimeOffset, string> row) = Spec(layout, start);
        writer.NewLine = "\n";
        writer.WriteLine(header);
        int count = (int)(TimeSpan.FromDays(days) / step);
        for (int i = 0; i < count; i++)
        {
            writer.WriteLine(row(start + (step * i)));
        }
    }

    private static (string Header, TimeSpan Step, Func<DateTimeOffset, string> Row) Spec(SeriesLayout layout, DateTimeOffset start) => layout switch
    {
        SeriesLayout.ElectricityMaps => (ElectricityMapsHeader, TimeSpan.FromHours(1), t => ElectricityMapsRow(start, t)),
        SeriesLayout.WattTime => ("point_time,value", TimeSpan.FromMinutes(5),
            t => Row(Stamp(t, "yyyy-MM-dd'T'HH:mm:ss'+00:00'"), SampleShapes.MarginalIntensity(t) / SeriesUnits.GramsPerKwhPerPoundPerMwh)),
        SeriesLayout.LetsWaitAwhile => ("Time,Carbon Intensity", TimeSpan.FromMinutes(30), t => Row(Plain(t), SampleShapes.AverageIntensity(start, t))),
        SeriesLayout.MarginalZone => ("time,Sample_Zone", TimeSpan.FromMinutes(5), t => Row(Plain(t), SampleShapes.MarginalIntensity(t))),
        SeriesLayout.VessimSolar => ("time,Berlin,Sydney", TimeSpan.FromMinutes(5), t => Row(Number((t - start).TotalSeconds, "0"),
            SampleShapes.CapacityFactor(start, t, 1), SampleShapes.CapacityFactor(start, t, 10))),
        SeriesLayout.Irradiance => ("period_start,ghi", TimeSpan.FromMinutes(15),
            t => Row(Stamp(t, "yyyy-MM-dd'T'HH:mm:ss'Z'"), Math.Round(1000 * SampleShapes.CapacityFactor(start, t, 0) / 0.82))),
        _ => ("timestamp,load_kw", TimeSpan.FromMinutes(15), t => Row(t.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), SampleShapes.LoadKw(t))),
    };

    private static string ElectricityMapsRow(DateTimeOffset start, DateTimeOffset t)
    {
        double lifeCycle = SampleShapes.AverageIntensity(start, t);
        double direct = (lifeCycle * 0.88) - 12;
        double cfe = 100 * (1 - (direct / 650));
        return $"{Plain(t)},Sampleland,Sampleland,XS,{Number(direct, "0.00")},{Number(lifeCycle, "0.00")},{Number(cfe, "0.00")},{Number(cfe * 0.8, "0.00")},\"sample, generated\",false,";
    }

    private static string Row(string time, params double[] values) =>
        time + string.Concat(values.Select(v => "," + Number(v, "0.######")));

    private static string Plain(DateTimeOffset t) => Stamp(t, "yyyy-MM-dd HH:mm:ss");

    private static string Stamp(DateTimeOffset t, string format) => t.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
