namespace Verdant.Core.Energy.Import;

/// <summary>Turns a layout, a header and the caller's options into a <see cref="SeriesPlan"/>.</summary>
internal static class SeriesPlanner
{
    public static SeriesPlan Plan(CsvTable table, SeriesLayout layout, SeriesImportOptions options) => layout switch
    {
        SeriesLayout.ElectricityMaps => ElectricityMaps(table, options),
        SeriesLayout.WattTime => Marginal(table, options, table.Require("point_time"), table.Require("value")),
        SeriesLayout.LetsWaitAwhile => Fixed(table, options, "time", "carbon intensity",
            new SeriesKind(SeriesQuantity.CarbonIntensityAverage, IntensityBasis.LifeCycle)),
        SeriesLayout.MarginalZone => MarginalZone(table, options),
        SeriesLayout.VessimSolar => VessimSolar(table, options),
        SeriesLayout.Irradiance => Irradiance(table, options),
        SeriesLayout.Generic => Generic(table, options),
        _ => Plan(table, LayoutDetector.Detect(table), options),
    };

    private static SeriesPlan ElectricityMaps(CsvTable table, SeriesImportOptions options)
    {
        IntensityBasis basis = options.Basis ?? IntensityBasis.LifeCycle;
        int value = basis == IntensityBasis.Direct
            ? table.Find(h => IsIntensity(h) && h.Contains("(direct)", StringComparison.Ordinal))
            : table.Find(h => IsIntensity(h) && (h.Contains("(lca)", StringComparison.Ordinal) || h.Contains("(life cycle)", StringComparison.Ordinal)));
        if (value < 0)
        {
            throw new SeriesFormatException(table.Source, 1, null,
                $"no {(basis == IntensityBasis.Direct ? "direct" : "life-cycle")} carbon intensity column; available columns: {table.Available()}");
        }

        var kind = new SeriesKind(SeriesQuantity.CarbonIntensityAverage, basis == IntensityBasis.Direct ? basis : IntensityBasis.LifeCycle);
        return new SeriesPlan(table.Require("datetime (utc)"), value, null, kind, Implied(table, options, SeriesUnit.GramsCo2PerKwh));
    }

    private static bool IsIntensity(string header) => header.StartsWith("carbon intensity gco2eq/kwh", StringComparison.Ordinal);

    private static SeriesPlan MarginalZone(CsvTable table, SeriesImportOptions options)
    {
        int time = table.Require(options.TimeColumn ?? "time");
        return Marginal(table, options, time, OnlyOtherColumn(table, time, options.ValueColumn, "zone"));
    }

    private static SeriesPlan Marginal(CsvTable table, SeriesImportOptions options, int time, int value)
    {
        SeriesUnit unit = options.Unit ?? throw new SeriesFormatException(table.Source, null, table.Header[value],
            "marginal emissions need a declared unit: PoundsCo2PerMwh (WattTime API v2) or GramsCo2PerKwh");
        var kind = new SeriesKind(SeriesQuantity.CarbonIntensityMarginal, options.Basis ?? IntensityBasis.Unknown);
        return Checked(table, new SeriesPlan(time, value, null, kind, unit));
    }

    private static SeriesPlan VessimSolar(CsvTable table, SeriesImportOptions options)
    {
        int time = table.Require(options.TimeColumn ?? "time");
        DateTimeOffset origin = options.TimeOriginUtc ?? throw new SeriesFormatException(table.Source, null, table.Header[time],
            "the VessimSolar layout counts seconds from an origin; set TimeOriginUtc");
        int value = OnlyOtherColumn(table, time, options.ValueColumn, "city");
        var kind = new SeriesKind(SeriesQuantity.CapacityFactor, IntensityBasis.Unknown);
        return new SeriesPlan(time, value, origin.ToUniversalTime(), kind, Implied(table, options, SeriesUnit.Fraction));
    }

    private static SeriesPlan Irradiance(CsvTable table, SeriesImportOptions options)
    {
        int time = options.TimeColumn is string t ? table.Require(t) : LayoutDetector.FindTime(table);
        int ghi = LayoutDetector.FindGhi(table);
        int value = options.ValueColumn is string v ? table.Require(v) : ghi >= 0 ? ghi : LayoutDetector.FindCapacityFactor(table);
        if (time < 0 || value < 0)
        {
            throw new SeriesFormatException(table.Source, 1, null,
                $"an irradiance file needs a timestamp and a GHI or capacity-factor column; available columns: {table.Available()}");
        }

        SeriesUnit unit = options.Unit ?? (value == ghi ? SeriesUnit.WattsPerSquareMetre
            : value == LayoutDetector.FindCapacityFactor(table) ? SeriesUnit.Fraction
            : throw new SeriesFormatException(table.Source, null, table.Header[value], $"declare the unit of column '{table.Header[value]}'"));
        return Checked(table, new SeriesPlan(time, value, null, new SeriesKind(SeriesUnits.DefaultQuantity(unit), IntensityBasis.Unknown), unit));
    }

    private static SeriesPlan Generic(CsvTable table, SeriesImportOptions options)
    {
        if (options.TimeColumn is null || options.ValueColumn is null || options.Unit is null)
        {
            throw new SeriesFormatException(table.Source, null, null,
                $"the Generic layout needs TimeColumn, ValueColumn and Unit; available columns: {table.Available()}");
        }

        SeriesUnit unit = options.Unit.Value;
        SeriesQuantity quantity = options.Quantity ?? SeriesUnits.DefaultQuantity(unit);
        var kind = new SeriesKind(quantity, options.Basis ?? IntensityBasis.Unknown);
        return Checked(table, new SeriesPlan(table.Require(options.TimeColumn), table.Require(options.ValueColumn), null, kind, unit));
    }

    private static SeriesPlan Fixed(CsvTable table, SeriesImportOptions options, string time, string value, SeriesKind kind) =>
        new(table.Require(time), table.Require(value), null, kind, Implied(table, options, SeriesUnit.GramsCo2PerKwh));

    private static int OnlyOtherColumn(CsvTable table, int time, string? wanted, string what)
    {
        if (wanted is not null)
        {
            return table.Require(wanted);
        }

        int[] others = [.. Enumerable.Range(0, table.Header.Length).Where(i => i != time)];
        return others.Length == 1 ? others[0] : throw new SeriesFormatException(table.Source, 1, null,
            $"the file has several {what} columns; name one in ValueColumn: {string.Join(", ", others.Select(i => $"'{table.Header[i]}'"))}");
    }

    private static SeriesUnit Implied(CsvTable table, SeriesImportOptions options, SeriesUnit implied) =>
        options.Unit is not SeriesUnit declared || declared == implied ? implied : throw new SeriesFormatException(table.Source, null, null,
            $"this layout holds {SeriesUnits.CanonicalSymbol(implied)}; the declared unit {declared} does not apply");

    private static SeriesPlan Checked(CsvTable table, SeriesPlan plan) =>
        SeriesUnits.Measures(plan.Unit, plan.Kind.Quantity) ? plan : throw new SeriesFormatException(table.Source, null, null,
            $"unit {plan.Unit} cannot measure {plan.Kind.Quantity}");
}
