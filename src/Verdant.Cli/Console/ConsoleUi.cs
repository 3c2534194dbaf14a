using System.Globalization;
using Spectre.Console;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Console;

/// <summary>
/// All console output of the CLI: errors on stderr, a live progress bar on an interactive terminal (a line every few
/// percent otherwise, so CI logs stay short), and result tables.
/// </summary>
internal sealed class ConsoleUi(IAnsiConsole output, TextWriter error)
{
    public static ConsoleUi CreateDefault() => new(AnsiConsole.Console, System.Console.Error);

    public IAnsiConsole Output => output;

    /// <summary>One line on stderr: control characters (a binary file's bytes, a newline in a value) are escaped, and a
    /// message past 600 characters is cut, so an error never garbles the terminal or spans lines.</summary>
    public void Error(string message) => error.WriteLine($"verdant: {OneLine(message)}");

    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var builder = new System.Text.StringBuilder(Math.Min(message.Length, 640));
        foreach (char c in message)
        {
            builder.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : c.ToString());
            if (builder.Length > 600)
            {
                return builder.Append("...").ToString();
            }
        }

        return builder.ToString();
    }

    public void Info(string message) => output.MarkupLine(Markup.Escape(message));

    public T WithProgress<T>(string title, int maxRounds, Func<IProgress<RoundProgress>, T> work)
    {
        if (!output.Profile.Capabilities.Interactive)
        {
            var lines = new LineProgress(output, maxRounds);
            return work(lines);
        }

        T result = default!;
        output.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(title), maxValue: maxRounds);
                result = work(new Progress(task));
            });
        return result;
    }

    public static string Describe(RoundProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"round {p.Round}/{p.MaxRounds}  t={p.SimulatedHours:0.0} h  acc={(double.IsNaN(p.LastAccuracy) ? "-" : p.LastAccuracy.ToString("0.000", CultureInfo.InvariantCulture))}  {p.EnergyKwh:0.0} kWh  {p.CarbonKg:0.00} kg CO2eq  units={p.ActiveUnits}");

    private sealed class Progress(ProgressTask task) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value)
        {
            task.Value = value.Round;
            task.Description = Markup.Escape(Describe(value));
        }
    }

    private sealed class LineProgress(IAnsiConsole output, int maxRounds) : IProgress<RoundProgress>
    {
        private int _nextPercent = 10;

        public void Report(RoundProgress value)
        {
            if (value.Round * 100 >= _nextPercent * maxRounds || value.Round == maxRounds)
            {
                output.WriteLine(Describe(value));
                _nextPercent = (value.Round * 100 / Math.Max(1, maxRounds)) + 10;
            }
        }
    }
}
