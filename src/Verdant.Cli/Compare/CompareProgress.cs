using System.Globalization;
using Spectre.Console;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Compare;

/// <summary>
/// The progress display of a comparison: one live bar per run on an interactive terminal, one line per finished run
/// otherwise (CI logs stay short).
/// </summary>
internal static class CompareProgress
{
    public static T Show<T>(IAnsiConsole console, IReadOnlyList<Scenario> plan, Func<ICompareProgress, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Lines(console, plan));
        }

        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask[] tasks = [.. plan.Select(s => ctx.AddTask(Markup.Escape(Label(s)), autoStart: false, maxValue: s.Stop.MaxRounds))];
                result = work(new Bars(tasks, plan));
            });
        return result;
    }

    public static string Label(Scenario scenario) => string.Create(CultureInfo.InvariantCulture, $"{scenario.PolicyName} seed {scenario.Seed}");

    /// <summary>How a finished run ended, in one line.</summary>
    public static string Outcome(CompareRun run)
    {
        CompareRow r = run.Row;
        string target = r.TimeToTargetHours is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"target at {t:0.0} h")
            : string.Create(CultureInfo.InvariantCulture, $"missed target, acc {r.FinalAccuracy:0.000}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{target}, {r.CarbonKg:0.00} kg CO2eq, {r.Rounds} rounds, {run.WallSeconds:0} s");
    }

    private sealed class Bars(ProgressTask[] tasks, IReadOnlyList<Scenario> plan) : ICompareProgress
    {
        public IProgress<RoundProgress> Started(int index)
        {
            tasks[index].StartTask();
            return new RoundSink(tasks[index], Label(plan[index]));
        }

        public void Finished(int index, CompareRun run)
        {
            CompareRow r = run.Row;
            tasks[index].Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{Label(plan[index])}: {(r.ReachedTarget ? "reached" : "missed")}, {r.CarbonKg:0.00} kg"));
            tasks[index].Value = tasks[index].MaxValue;
            tasks[index].StopTask();
        }
    }

    private sealed class RoundSink(ProgressTask task, string label) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value)
        {
            task.Value = value.Round;
            // Short, so that the bar keeps its width on an 80-column terminal.
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {value.SimulatedHours:0.0} h, acc {(double.IsNaN(value.LastAccuracy) ? "-" : value.LastAccuracy.ToString("0.000", CultureInfo.InvariantCulture))}"));
        }
    }

    private sealed class Lines(IAnsiConsole console, IReadOnlyList<Scenario> plan) : ICompareProgress
    {
        private readonly Lock _lock = new();
        private int _finished;

        public IProgress<RoundProgress> Started(int index) => Ignored.Instance;

        public void Finished(int index, CompareRun run)
        {
            lock (_lock)
            {
                _finished++;
                console.WriteLine($"[{_finished}/{plan.Count}] {Label(plan[index])}: {Outcome(run)}");
            }
        }
    }

    private sealed class Ignored : IProgress<RoundProgress>
    {
        public static readonly Ignored Instance = new();

        public void Report(RoundProgress value)
        {
        }
    }
}
