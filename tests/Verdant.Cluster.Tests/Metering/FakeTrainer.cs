using Microsoft.Extensions.Time.Testing;
using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;
using Verdant.Core.Numerics;

namespace Verdant.Cluster.Tests.Metering;

/// <summary>
/// A trainer whose rounds take <paramref name="roundWallS"/> seconds of a fake wall clock and whose units report
/// <paramref name="busyS"/> busy seconds and no energy counters: the round loop's timing without a cluster or a sleep.
/// </summary>
internal sealed class FakeTrainer(FakeTimeProvider wall, int nodes, int parameters, double roundWallS, double busyS) : IRoundTrainer
{
    private readonly float[] _losses = new float[nodes];
    private readonly double[] _squared = new double[nodes];
    private readonly TrainReply?[] _replies = new TrainReply?[nodes];
    private readonly StackedMatrix _parameters = new(nodes, parameters);

    public const string NoCounters = "fake: no counters";

    public int NodeCount => nodes;

    public ReadOnlySpan<float> NodeLosses => _losses;

    public ReadOnlySpan<double> NodeSquaredLosses => _squared;

    public GradientStatistics LastGradientStatistics => GradientStatistics.None;

    public IReadOnlyList<TrainReply?> LastReplies => _replies;

    public float RunRound(ReadOnlySpan<bool> active, MixingMatrix mixing)
    {
        wall.Advance(TimeSpan.FromSeconds(roundWallS));
        for (int i = 0; i < nodes; i++)
        {
            _losses[i] = active[i] ? 1f : _losses[i];
            _replies[i] = active[i] ? new TrainReply(0, 1f, 0, null, busyS, 1, 0) { EnergyUnavailable = NoCounters } : null;
        }

        return 1f;
    }

    public void CatchUp(int node, ReadOnlySpan<int> sources)
    {
    }

    public StackedMatrix ReadParameters() => _parameters;

    public void Dispose()
    {
    }
}
