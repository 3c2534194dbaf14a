using System.Globalization;
using Spectre.Console;
using Verdant.Cli.Compare;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Engine;

/// <summary>
/// Progress over the runs of a suite or a sweep: on an interactive terminal one bar over all runs and one line per worker
/// showing the run it is on; otherwise one line per finished run (CI logs stay short).
/// </summary>
internal static class EngineProgress
{
    public static T Show<T>(IAnsiConsole console, IReadOnlyList<string> labels, Func<ICompareProgress, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Lines(console, labels));
        }

        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask all = ctx.AddTask(Markup.Escape($"runs 0/{labels.Count}"), maxValue: Math.Max(1, labels.Count));
                result = work(new Bars(ctx, all, labels));
            });
        return result;
    }

    private sealed class Bars(ProgressContext context, ProgressTask all, IReadOnlyList<string> labels) : ICompareProgress
    {
        private readonly Lock _lock = new();
        private readonly Stack<ProgressTask> _free = new();
        private readonly Dictionary<int, ProgressTask> _busy = [];
        private int _finished;

        public IProgress<RoundProgress> Started(int index)
        {
            lock (_lock)
            {
                ProgressTask slot = _free.Count > 0 ? _free.Pop() : context.AddTask(Markup.Escape(labels[index]), autoStart: false);
                slot.Value = 0;
                slot.StartTask();
                _busy[index] = slot;
                return new RoundSink(slot, labels[index]);
            }
        }

        public void Finished(int index, CompareRun run)
            => Done(index, run.Row.ReachedTarget ? "reached" : "missed");

        public void Diverged(int index, string message) => Done(index, "diverged");

        private void Done(int index, string outcome)
        {
            lock (_lock)
            {
                _finished++;
                all.Value = _finished;
                all.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"runs {_finished}/{labels.Count}"));
                ProgressTask slot = _busy[index];
                _busy.Remove(index);
                slot.Description = Markup.Escape($"{labels[index]}: {outcome}");
                slot.Value = slot.MaxValue;
                _free.Push(slot);
            }
        }
    }

    private sealed class RoundSink(ProgressTask task, string label) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value)
        {
            task.MaxValue = value.MaxRounds;
            task.Value = value.Round;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{label}: {value.SimulatedHours:0.0} h"));
        }
    }

    private sealed class Lines(IAnsiConsole console, IReadOnlyList<string> labels) : ICompareProgress
    {
        private readonly Lock _lock = new();
        private int _finished;

        public IProgress<RoundProgress> Started(int index) => Ignored.Instance;

        public void Finished(int index, CompareRun run) => Line(index, CompareProgress.Outcome(run));

        public void Diverged(int index, string message) => Line(index, message);

        private void Line(int index, string outcome)
        {
            lock (_lock)
            {
                _finished++;
                console.WriteLine($"[{_finished}/{labels.Count}] {labels[index]}: {outcome}");
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
