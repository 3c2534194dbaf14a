using System.Globalization;
using System.Text;
using Verdant.Core.Energy.Import;
using static Verdant.Core.Tests.Energy.Import.ImportTestData;

namespace Verdant.Core.Tests.Energy.Import;

/// <summary>A file far longer than the run's horizon is streamed: only the rows near the horizon are kept, with a warning.</summary>
public class SeriesImportLargeFileTests
{
    [Fact]
    public void Import_TwoYearsOfMinutesForThreeDays_KeepsOnlyTheWindowAndWarns()
    {
        // 1,051,200 one-minute rows (2019 and 2020, about 38 MB of text), generated as read, never held.
        DateTimeOffset first = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int rows = 2 * 525_600;
        var options = Generic(SeriesUnit.Watts) with { Target = SeriesGrid.Hourly(new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero), 72) };
        using var stream = new GeneratedCsv(first, rows);

        ImportedSeries result = SeriesImporter.Import(stream, "big.csv", options);

        // The value is the minute of the day, so every hour's mean is its 30th minute plus 29.5.
        Assert.Equal(Enumerable.Range(0, 72).Select(h => ((h % 24) * 60) + 29.5), result.Series.Values);
        string warning = Assert.Single(result.Warnings);
        Assert.StartsWith($"big.csv: read {rows} rows but only ", warning, StringComparison.Ordinal);
        long kept = long.Parse(warning.Split(' ')[6], CultureInfo.InvariantCulture);
        Assert.InRange(kept, 1, (72 + (2 * 32 * 24)) * 60 + 1);
    }

    /// <summary>A <c>timestamp,value</c> CSV of one-minute rows produced on demand; the value is the minute of the day.</summary>
    private sealed class GeneratedCsv(DateTimeOffset first, int rows) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("timestamp,value\n");
        private int _offset;
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_next == rows)
                {
                    return 0;
                }

                DateTimeOffset t = first.AddMinutes(_next++);
                _pending = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-ddTHH:mm:ssZ},{(t.Hour * 60) + t.Minute}\n"));
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
