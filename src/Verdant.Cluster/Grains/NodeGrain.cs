using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Metering;
using Verdant.Cluster.Options;
using Verdant.Core.Consensus;
using Verdant.Core.Models;

namespace Verdant.Cluster.Grains;

/// <summary>
/// One compute unit: a thin adapter over Core's single-node D-PSGD step (<see cref="DecentralizedSgd.LocalSteps"/>) and
/// single-row mix (<see cref="Gossip.MixRow"/>), so a unit computes exactly what its row of the simulator computes.
/// </summary>
/// <remarks>
/// Not reentrant, and it never awaits another unit: parameters go out as one-way messages, so no cycle of waits can
/// form between neighbours (awaited deliveries between units on one silo were observed to stall in Orleans 10.4.2).
/// </remarks>
[SitePlacement]
[CollectionAgeLimit(Hours = 24)] // a unit left idle (or its coordinator down) for hours keeps its state, checkpointed or not
internal sealed partial class NodeGrain(ClusterWorkload workload, ILogger<NodeGrain> logger, IOptions<VerdantClusterOptions> options,
    IEnergyCounter energy, [PersistentState("checkpoint", CheckpointStore.StorageName)] IPersistentState<NodeCheckpoint> checkpoint)
    : Grain, INodeGrain
{
    private readonly Dictionary<(int Round, int From), float[]> _inbox = [];
    private DecentralizedSgd _sgd = null!;
    private ModelWorkspace _workspace = null!;
    private int[] _batch = [];
    private float[] _self = [];
    private float[] _half = [];
    private float[] _gradient = [];
    private string _run = "";
    private int _unit;
    private int _mixedRound = -1;
    private TrainReply? _trained;
    private long _late;
    private long _duplicate;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_run, _unit, _) = NodeKey.Parse(this.GetPrimaryKeyString());
        var scenario = workload.Scenario;
        var network = new Network(scenario.Model, workload.Gemm);
        _sgd = DecentralizedSgd.ForNode(network, workload.TrainingSplit, workload.Shards[_unit], scenario.Training, scenario.Seed, _unit);
        _workspace = new ModelWorkspace(scenario.Model, scenario.Training.BatchSize);
        _batch = new int[scenario.Training.BatchSize];
        _self = new float[scenario.Model.ParameterCount];
        _half = new float[scenario.Model.ParameterCount];
        _gradient = new float[scenario.Model.ParameterCount];
        RestoreCheckpoint();
        LogActivated(logger, _unit, workload.SiteOfUnit[_unit]);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _sgd.Dispose();
        return Task.CompletedTask;
    }

    public Task<TrainReply> Train(RoundPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (_trained is { } done && done.Round == plan.Round)
        {
            // Asked again by a coordinator that restarted during this round: what it did stands (no second step).
            return Task.FromResult(done);
        }

        EnergyReading? before = energy.TryRead(out string? unavailable);
        long started = Stopwatch.GetTimestamp();
        float loss;
        try
        {
            loss = _sgd.LocalSteps(0, plan.Round, _workspace, _batch, _gradient, _half);
        }
        catch (DivergenceException ex)
        {
            throw new DivergenceException(plan.Round, _unit, ex.Message);
        }

        double busyS = Stopwatch.GetElapsedTime(started).TotalSeconds;
        EnergyReading? after = before is null ? null : energy.TryRead(out unavailable);
        var message = new ParameterMessage(plan.Round, _unit, _sgd.Parameters.ReadRow(0).ToArray());
        foreach (int j in plan.Neighbours)
        {
            _ = Node(j).Deliver(message);
        }

        FloatBlock? gradient = plan.ReturnGradient ? new FloatBlock(_gradient.ToArray()) : null;
        _trained = new TrainReply(plan.Round, loss, _sgd.GradientNormsSquared[0], gradient, busyS,
            _sgd.NodeSquaredLosses[0], _sgd.NodeWithinTraces[0])
        {
            EnergyBefore = after is null ? null : before, EnergyAfter = after, EnergyUnavailable = unavailable,
        };
        return Task.FromResult(_trained);
    }

    public Task<int[]> Mix(MixPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Round <= _mixedRound)
        {
            // Already mixed (a restarted coordinator asking again): mixing twice would move the parameters twice.
            return Task.FromResult<int[]>([]);
        }

        int[] missing = [.. plan.Sources.Where(j => !_inbox.ContainsKey((plan.Round, j)))];
        if (missing.Length > 0)
        {
            return Task.FromResult(missing);
        }

        _sgd.Parameters.ReadRow(0).CopyTo(_self);
        var rows = new ReadOnlyMemory<float>[plan.Sources.Length + 1];
        rows[0] = _self;
        for (int k = 0; k < plan.Sources.Length; k++)
        {
            rows[k + 1] = _inbox[(plan.Round, plan.Sources[k])];
        }

        Gossip.MixRow(plan.Weights, rows, _sgd.Parameters.Row(0));
        _mixedRound = plan.Round;
        DropThrough(plan.Round);
        return CheckpointIfDue(missing);
    }

    public Task Deliver(ParameterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Round <= _mixedRound)
        {
            _late++;
        }
        else if (!_inbox.TryAdd((message.Round, message.From), message.Parameters))
        {
            _duplicate++;
        }

        return Task.CompletedTask;
    }

    public Task CatchUp(FloatBlock[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _sgd.CatchUpFrom(0, [.. rows.Select(r => (ReadOnlyMemory<float>)r.Values)]);
        return Task.CompletedTask;
    }

    public Task<FloatBlock> GetParameters() => Task.FromResult(new FloatBlock(_sgd.Parameters.ReadRow(0).ToArray()));

    public Task<NodeCounters> GetCounters() => Task.FromResult(new NodeCounters(_late, _duplicate, _mixedRound) { TrainedRound = _trained?.Round ?? -1 });

    private INodeGrain Node(int unit) => GrainFactory.GetGrain<INodeGrain>(NodeKey.Format(_run, unit, workload.SiteOfUnit[unit]));

    private void DropThrough(int round)
    {
        foreach ((int Round, int From) key in _inbox.Keys.Where(k => k.Round <= round).ToArray())
        {
            _inbox.Remove(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "unit {Unit} of site {Site} activated")]
    private static partial void LogActivated(ILogger logger, int unit, string site);
}
