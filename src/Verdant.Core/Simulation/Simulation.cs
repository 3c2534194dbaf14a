using Verdant.Core.Consensus;
using Verdant.Core.Data;
using Verdant.Core.Energy;
using Verdant.Core.Models;
using Verdant.Core.Numerics;
using Verdant.Core.Policies;

namespace Verdant.Core.Simulation;

/// <summary>
/// Runs a scenario: real D-PSGD training on real data, with simulated sites, weather, grids, network and clock. Every
/// decision epoch the policy picks the active units; every round they train, mix, and are charged to the ledger at the
/// simulated time; the clock advances by the round's duration. Output depends only on the scenario, data and seed.
/// </summary>
public sealed partial class Simulation : IDisposable
{
    /// <summary>Hours of supply series built past the deadline (forecasts look ahead; a last round may run over).</summary>
    public const int ForecastMarginHours = 48;

    private readonly Scenario _scenario;
    private readonly EvaluationTracker _evaluation;
    private readonly Fleet _fleet;
    private readonly NetworkModel _network;
    private readonly IReadOnlyList<SiteSupply> _supplies;
    private readonly RoundAccounting _accounts;
    private readonly ISupplyForecast _forecast;
    private readonly IAllocationPolicy _policy;
    private readonly Random _policyRandom;
    private readonly Random _topologyRandom;
    private readonly Network _model;
    private readonly IRoundTrainer _sgd;
    private readonly RoundCost _cost;
    private readonly SimulatedRoundTime _roundTime;
    private readonly bool[] _active;
    private readonly List<RoundRecord> _rounds = [];
    private readonly List<DecisionRecord> _decisions = [];
    private readonly GradientNoiseScale _noiseScale = new();
    private readonly BlowUpDetector _blowUp = new();
    private readonly DeadlineChooser _deadlines;
    private readonly Random _jitterRandom;
    private readonly double[] _computeS;
    private readonly double[] _readyAtS;
    private readonly double[] _startDelayS;
    private readonly bool[] _onTime;
    private readonly bool[] _training;
    private bool _excessOnly;
    private readonly int[] _shardSizes;
    private Graph _graph;
    private MixingMatrix _mixing;
    private DateTimeOffset _now;
    private double _lastLoss = double.NaN;
    private long _bytes;
    private long _nodeRounds;
    private long _nextEvaluationNodeRounds;
    private long _gatheredAtNodeRounds;

    /// <summary>
    /// Prepares a run of <paramref name="scenario"/> on <paramref name="train"/> (less the validation split it holds out),
    /// reported on <paramref name="test"/>.
    /// </summary>
    /// <remarks>
    /// <c>workers</c> is the number of threads that train nodes in parallel (the CLI passes the core count);
    /// <c>forecastFactory</c> chooses what policies may know of the future (perfect forecasts when null);
    /// <c>trainerFactory</c> chooses who holds the units given their shards (one in-process stacked trainer when null;
    /// the cluster runtime passes one that drives a worker per unit).
    /// </remarks>
    public Simulation(Scenario scenario, Dataset train, Dataset test, IGemm gemm, int workers,
        Func<IReadOnlyList<SiteSupply>, ISupplyForecast>? forecastFactory = null, Func<int[][], IRoundTrainer>? trainerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(train);
        _scenario = scenario;
        ArgumentNullException.ThrowIfNull(test);
        _network = new NetworkModel(scenario.Network);
        _fleet = new Fleet(scenario, _network);
        int hours = (int)Math.Ceiling(scenario.Stop.DeadlineHours) + ForecastMarginHours;
        _supplies = scenario.Sites
            .Select(s => SupplyBuilder.Build(s.Energy, scenario.StartUtc, hours, SupplyBuilder.SiteRandom(scenario.Seed, s.Name)))
            .ToArray();
        _accounts = new RoundAccounting(scenario, _fleet, _network, _supplies);
        _forecast = forecastFactory?.Invoke(_supplies) ?? CreateForecast(scenario, _supplies);
        _policy = PolicyCatalog.Create(scenario.PolicyName, scenario.Policy);
        _policyRandom = Seeds.Create(scenario.Seed, Seeds.Policy);
        _topologyRandom = Seeds.Create(scenario.Seed, Seeds.Topology);
        _model = new Network(scenario.Model, gemm);
        (train, Dataset validation) = ValidationSplit.Split(train, scenario.ValidationExamples,
            Seeds.Create(scenario.Seed, Seeds.Validation));
        _evaluation = new EvaluationTracker(_model, validation, test, _fleet.Count, scenario.Stop.TargetAccuracy, workers);
        int[][] shards = Partitioner.Partition(train.Labels, train.ClassCount, _fleet.Count, scenario.Partition,
            Seeds.Create(scenario.Seed, Seeds.Partition));
        _sgd = trainerFactory?.Invoke(shards) ?? new DecentralizedSgd(_model, train, shards, scenario.Training, scenario.Seed, workers);
        _shardSizes = [.. shards.Select(s => s.Length)];
        _cost = new RoundCost(scenario, _fleet, _network);
        _active = new bool[_fleet.Count];
        _roundTime = new SimulatedRoundTime(scenario, _fleet, _network, LinkCostJ,
            scenario.Inactive == InactivePower.Off ? _active : null);
        _graph = new Graph(_fleet.Count, []);
        _mixing = new MixingMatrix(_graph);
        _deadlines = new DeadlineChooser(_fleet.Count);
        _jitterRandom = Seeds.Create(scenario.Seed, Seeds.Straggler);
        _computeS = new double[_fleet.Count];
        _readyAtS = new double[_fleet.Count];
        _startDelayS = new double[_fleet.Count];
        _onTime = new bool[_fleet.Count];
        _training = new bool[_fleet.Count];
        _now = scenario.StartUtc;
        _nextEvaluationNodeRounds = scenario.EvaluateEveryNodeRounds;
    }

    /// <summary>The supplies built for this run (hourly renewable, load and grid series per site).</summary>
    public IReadOnlyList<SiteSupply> Supplies => _supplies;

    /// <summary>
    /// Measured time and energy (cluster mode with a wall-clock replay); null: the modelled clock and energy.
    /// </summary>
    public IRoundMeter? Meter { get; init; }

    /// <summary>
    /// Where finished rounds are reported and, for a resumed run, where replayed rounds' evaluations come from (none
    /// when null). Set before <see cref="Run"/>.
    /// </summary>
    public IRunJournal? Journal { get; set; }

    /// <summary>The trainer, for inspection in tests.</summary>
    public IRoundTrainer Trainer => _sgd;

    /// <summary>Runs to the stop rule.</summary>
    /// <exception cref="DivergenceException">Training blew up; the message names the round and node.</exception>
    public SimulationResult Run(IProgress<RoundProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        StopRule stop = _scenario.Stop;
        DateTimeOffset deadline = _scenario.StartUtc + TimeSpan.FromHours(stop.DeadlineHours);
        DateTimeOffset nextDecision = _now;
        string stopReason = "deadline reached";
        int round = 0;
        while (true)
        {
            if (round >= stop.MaxRounds)
            {
                stopReason = $"{stop.MaxRounds} rounds done";
                break;
            }

            if (_now >= deadline)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_now >= nextDecision)
            {
                Decide(round);
                nextDecision = NextEpochBoundary(_now);
            }

            if (_decisions[^1].ActiveUnits == 0 || !ChooseTrainingUnits())
            {
                _accounts.ChargeIdleBetweenRounds(_now, (nextDecision - _now).TotalSeconds, _active);
                Meter?.WaitUntil(nextDecision, cancellationToken);
                _now = nextDecision;
                continue;
            }

            RunRound(round);
            round++;
            progress?.Report(new RoundProgress(round, stop.MaxRounds, _now, (_now - _scenario.StartUtc).TotalHours,
                _evaluation.LastValidationAccuracy, _accounts.Ledger.Totals.TotalKwh, _accounts.Ledger.Totals.CarbonKg, _decisions[^1].ActiveUnits));
            if (stop.StopAtTarget && _evaluation.TimeToTargetHours is not null)
            {
                stopReason = "target accuracy reached";
                break;
            }
        }

        return Finish(stopReason) with { Sites = _scenario.Sites };
    }

    /// <inheritdoc />
    public void Dispose() => _sgd.Dispose();

    private static ISupplyForecast CreateForecast(Scenario scenario, IReadOnlyList<SiteSupply> supplies) => scenario.Forecast switch
    {
        ForecastKind.Persistence => new PersistenceForecast(supplies),
        ForecastKind.Noisy => new NoisyForecast(supplies, Seeds.Derive(scenario.Seed, Seeds.Forecast)),
        _ => new PerfectForecast(supplies),
    };

    private DateTimeOffset NextEpochBoundary(DateTimeOffset now)
    {
        TimeSpan epoch = _scenario.Policy.Epoch;
        long elapsed = (now - _scenario.StartUtc).Ticks / epoch.Ticks;
        return _scenario.StartUtc + (epoch * (elapsed + 1));
    }
}
