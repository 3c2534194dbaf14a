using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Core.Consensus;
using Verdant.Core.Models;

namespace Verdant.Cluster.Grains;

/// <summary>
/// One compute unit: a thin adapter over Core's single-node D-PSGD step (<see cref="DecentralizedSgd.LocalSteps"/>) and
/// single-row mix (<see cref="Gossip.MixRow"/>), so a unit computes exactly what its row of the simulator computes.
/// </summary>
[SitePlacement]
internal sealed partial class NodeGrain(ClusterWorkload workload, ILogger<NodeGrain> logger) : Grain, INodeGrain
{
    private readonly Dictionary<(int Round, int From), float[]> _inbox = [];
    private DecentralizedSgd _sgd = null!;
    private ModelWorkspace _workspace = null!;
    private int[] _batch = [];
    private float[] _self = [];
    private string _run = "";
    private int _unit;
    private int _mixedRound = -1;
    private long _late;
    private long _duplicate;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_run, _unit, _) = NodeKey.Parse(this.GetPrimaryKeyString());
        var scenario = workload.Scenario;
        var network = new Network(scenario.Model, workload.Gemm);
        _sgd = DecentralizedSgd.ForNode(network, workload.Train, workload.Shards[_unit], scenario.Training, scenario.Seed, _unit);
        _workspace = new ModelWorkspace(scenario.Model, scenario.Training.BatchSize);
        _batch = new int[scenario.Training.BatchSize];
        _self = new float[scenario.Model.ParameterCount];
        LogActivated(logger, _unit, workload.SiteOfUnit[_unit]);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _sgd.Dispose();
        return Task.CompletedTask;
    }

    public async Task<TrainReply> Train(RoundPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long started = Stopwatch.GetTimestamp();
        float loss;
        try
        {
            loss = _sgd.LocalSteps(0, plan.Round, _workspace, _batch);
        }
        catch (DivergenceException ex)
        {
            throw new DivergenceException(plan.Round, _unit, ex.Message);
        }

        double busyS = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var message = new ParameterMessage(plan.Round, _unit, _sgd.Parameters.ReadRow(0).ToArray());
        int[] unreached = await SendAsync(plan.Neighbours, message);
        float[]? gradient = plan.ReturnGradient ? _sgd.Gradients.ReadRow(0).ToArray() : null;
        return new TrainReply(plan.Round, loss, _sgd.GradientNormsSquared[0], gradient, unreached, busyS);
    }

    public Task Mix(MixPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _sgd.Parameters.ReadRow(0).CopyTo(_self);
        var rows = new ReadOnlyMemory<float>[plan.Sources.Length + 1];
        rows[0] = _self;
        for (int k = 0; k < plan.Sources.Length; k++)
        {
            if (!_inbox.TryGetValue((plan.Round, plan.Sources[k]), out float[]? row))
            {
                throw new InvalidOperationException($"unit {_unit}, round {plan.Round}: no parameters from unit {plan.Sources[k]}");
            }

            rows[k + 1] = row;
        }

        Gossip.MixRow(plan.Weights, rows, _sgd.Parameters.Row(0));
        _mixedRound = Math.Max(_mixedRound, plan.Round);
        DropThrough(plan.Round);
        return Task.CompletedTask;
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

    public async Task CatchUp(int[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        float[][] rows = await Task.WhenAll(sources.Select(j => Node(j).GetParameters()));
        _sgd.CatchUpFrom(0, [.. rows.Select(r => (ReadOnlyMemory<float>)r)]);
    }

    public Task<float[]> GetParameters() => Task.FromResult(_sgd.Parameters.ReadRow(0).ToArray());

    public Task<NodeCounters> GetCounters() => Task.FromResult(new NodeCounters(_late, _duplicate, _mixedRound));

    private INodeGrain Node(int unit) => GrainFactory.GetGrain<INodeGrain>(NodeKey.Format(_run, unit, workload.SiteOfUnit[unit]));

    // A neighbour that cannot be reached is reported, not thrown: the coordinator drops it and this unit still mixes.
    private async Task<int[]> SendAsync(int[] neighbours, ParameterMessage message)
    {
        var unreached = new List<int>();
        Task[] sends = [.. neighbours.Select(j => Node(j).Deliver(message))];
        for (int k = 0; k < sends.Length; k++)
        {
            try
            {
                await sends[k];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogUnreached(logger, _unit, neighbours[k], message.Round, ex.Message);
                unreached.Add(neighbours[k]);
            }
        }

        return [.. unreached];
    }

    private void DropThrough(int round)
    {
        foreach ((int Round, int From) key in _inbox.Keys.Where(k => k.Round <= round).ToArray())
        {
            _inbox.Remove(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "unit {Unit} of site {Site} activated")]
    private static partial void LogActivated(ILogger logger, int unit, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "unit {Unit} could not send round {Round} to unit {Neighbour}: {Reason}")]
    private static partial void LogUnreached(ILogger logger, int unit, int neighbour, int round, string reason);
}
