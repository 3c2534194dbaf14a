using Parquet;
using Parquet.Schema;
using Verdant.Cli.Engine;

namespace Verdant.Cli.Registry;

/// <summary>
/// results.parquet: one row per finished run, one column per <see cref="ResultColumn"/> (int64, double, boolean or UTF-8
/// string, all nullable), in one row group; pandas reads it with <c>pd.read_parquet</c>. Written with Parquet.Net.
/// </summary>
internal static class ResultsParquet
{
    public const string FileName = "results.parquet";

    public static void Write(string path, IReadOnlyList<FinishedRun> runs, string workspace)
    {
        IReadOnlyList<ResultColumn> columns = ResultColumn.Of(runs, workspace);
        DataField[] fields = [.. columns.Select(Field)];
        using FileStream stream = File.Create(path);
        WriteAsync(stream, columns, fields).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<ResultColumn> columns, DataField[] fields)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int i = 0; i < columns.Count; i++)
        {
            IReadOnlyList<SummaryField?> v = columns[i].Values;
            switch (columns[i].Kind)
            {
                case ResultColumnKind.Integer:
                    await group.WriteAsync<long>(fields[i], v.Select(f => f?.Number is { } n ? (long?)n : null).ToArray()).ConfigureAwait(false);
                    break;
                case ResultColumnKind.Number:
                    await group.WriteAsync<double>(fields[i], v.Select(f => f?.Number).ToArray()).ConfigureAwait(false);
                    break;
                case ResultColumnKind.Flag:
                    await group.WriteAsync<bool>(fields[i], v.Select(f => f?.Flag).ToArray()).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(fields[i], v.Select(f => f is null ? null : f.Number is not null || f.Flag is not null ? f.Display : f.Text).ToArray()).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static DataField Field(ResultColumn column) => column.Kind switch
    {
        ResultColumnKind.Integer => new DataField<long?>(column.Name),
        ResultColumnKind.Number => new DataField<double?>(column.Name),
        ResultColumnKind.Flag => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name, nullable: true),
    };
}
