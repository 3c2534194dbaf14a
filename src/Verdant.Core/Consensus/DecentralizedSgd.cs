using System.Numerics.Tensors;
using Verdant.Core.Data;
using Verdant.Core.Models;
using Verdant.Core.Numerics;

namespace Verdant.Core.Consensus;

/// <summary>
/// Decentralized parallel SGD on stacked parameters: every active node takes tau local SGD steps on its own shard, then
/// the active nodes average with their active neighbours through a Metropolis matrix; inactive nodes keep their parameters
/// and optimizer state untouched and rejoin later.
/// </summary>
/// <remarks>
/// Nedic and Ozdaglar, "Distributed Subgradient Methods for Multi-Agent Optimization", IEEE TAC 2009; Lian et al.,
/// "Can Decentralized Algorithms Outperform Centralized Algorithms?" (D-PSGD), NeurIPS 2017; local steps and changing
/// topology as in Koloskova et al., ICML 2020. Buffers are allocated once here; a round allocates nothing.
/// </remarks>
public sealed partial class DecentralizedSgd : IRoundTrainer
{
    /// <summary>Columns per mixing block of <see cref="Gossip.MixColumns"/> as the trainer splits a gossip step.</summary>
    /// <remarks>
    /// 2 KiB per row. With the fused kernel, the L2 prefetch and the early write-back, 512 columns mixed the MLP stack 20-35 %
    /// faster than 1024 on the torus at 64-1,024 nodes and on the exponential graph at 1,024; 256 and 2048 were slower
    /// (docs/performance.md, "Tenth pass"). Sizing the block to L2 (2^16 floats / N) measured no better.
    /// </remarks>
    public const int MixBlockColumns = 512;

    /// <summary>How many <see cref="MixBlockColumns"/>-wide column blocks the trainer splits a gossip step over <paramref name="cols"/> columns into.</summary>
    public static int MixBlockCount(int cols) => (cols + MixBlockColumns - 1) / MixBlockColumns;

    private readonly Network _network;
    private readonly Dataset _train;
    private readonly BatchSampler[] _samplers;
    private readonly ModelWorkspace[] _workspaces;
    private readonly int[][] _batches;
    private readonly float[][] _mixBuffers;
    private readonly float[] _losses;
    private readonly float[] _gradientNormsSquared;
    private readonly double[] _withinTrace;
    private readonly double[] _squaredLosses;
    private readonly float[][] _halfGradients;
    private readonly float[][] _gradientScratch;
    private readonly int[] _activeList;
    private readonly GradientMean _gradientMean;
    private readonly float[] _meanGradient;
    private readonly WorkerPool _pool;
    private readonly Action<int> _localStepsBody;
    private readonly Action<int> _mixBody;
    private readonly BlockClaims _mixClaims = new();
    private int _activeCount;
    private int _nextItem;
    private int _round;
    private MixingMatrix? _mixing;
    private bool[] _activeMask;

    /// <summary>
    /// Creates the trainer for <paramref name="shards"/>.Length nodes; every node starts from the same seeded initial
    /// parameters (the usual D-PSGD start, consensus at t = 0); node i samples its batches from a generator seeded by
    /// <paramref name="seed"/> and i, so nodes' streams are independent of each other and of the node count.
    /// </summary>
    public DecentralizedSgd(Network network, Dataset train, int[][] shards, SgdOptions options, int seed, int workers)
        : this(network, train, shards, options, seed, workers, firstNode: 0)
    {
    }

    private DecentralizedSgd(Network network, Dataset train, int[][] shards, SgdOptions options, int seed, int workers, int firstNode)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(options);
        _network = network;
        _train = train;
        Options = options;
        int n = shards.Length;
        int p = network.Spec.ParameterCount;
        Parameters = new StackedMatrix(n, p);
        // The update walks x and m in step (UpdateSink): 4-5 times slower where the two lie 256 MiB apart (HugePages).
        Momentum = new StackedMatrix(n, p, apartFrom: Parameters);
        var init = new float[p];
        network.Initialize(init, Seeds.Create(seed, Seeds.Initialization));
        Parameters.Broadcast(init);
        _samplers = new BatchSampler[n];
        for (int i = 0; i < n; i++)
        {
            _samplers[i] = new BatchSampler(shards[i], Seeds.Create(seed, Seeds.Sampling, firstNode + i));
        }

        _pool = new WorkerPool(Math.Max(1, workers));
        _workspaces = new ModelWorkspace[_pool.WorkerCount];
        _batches = new int[_pool.WorkerCount][];
        _mixBuffers = new float[_pool.WorkerCount][];
        _halfGradients = new float[_pool.WorkerCount][];
        _gradientScratch = new float[_pool.WorkerCount][];
        for (int w = 0; w < _pool.WorkerCount; w++)
        {
            _workspaces[w] = new ModelWorkspace(network.Spec, options.BatchSize);
            _batches[w] = new int[options.BatchSize];
            _mixBuffers[w] = new float[n * Math.Min(p, MixBlockColumns)];
            _halfGradients[w] = new float[p];
            _gradientScratch[w] = new float[p];
        }

        _losses = new float[n];
        _gradientNormsSquared = new float[n];
        _withinTrace = new double[n];
        _squaredLosses = new double[n];
        _activeList = new int[n];
        _gradientMean = new GradientMean(p, n);
        _meanGradient = new float[p];
        _activeMask = new bool[n];
        _localStepsBody = RunLocalSteps;
        _mixBody = RunMix;
        // Each worker thread's GEMM scratch is sized now: a worker that first gets a node in a late round would allocate
        // then. A caller that runs LocalSteps on threads of its own (the cluster's grains) sizes theirs on their first step.
        _pool.Run(_ => network.ReserveThreadScratch(options.BatchSize));
    }

    /// <summary>Bytes allocated on the trainer's background worker threads so far (see <see cref="WorkerPool.BackgroundAllocatedBytes"/>).</summary>
    public long WorkerAllocatedBytes => _pool.BackgroundAllocatedBytes;

    /// <summary>Optimizer settings.</summary>
    public SgdOptions Options { get; }

    /// <summary>Node count N.</summary>
    public int NodeCount => Parameters.Rows;

    /// <summary>Parameters x_i, one row per node.</summary>
    public StackedMatrix Parameters { get; }

    /// <summary>Momentum buffers, one row per node.</summary>
    public StackedMatrix Momentum { get; }

    /// <summary>
    /// The mean of the active nodes' last local-step gradients in the last round (<see cref="GradientMean"/>'s order), from
    /// which <see cref="LastGradientStatistics"/> takes |mean_i g_i|^2. Nodes' own gradients are not kept: each is added
    /// to its group's partial while it is in cache.
    /// </summary>
    public ReadOnlySpan<float> MeanGradient => _meanGradient;

    /// <summary>Rounds run so far.</summary>
    public int Round => _round;

    /// <summary>Mean training loss of node i over its local steps in the last round it was active.</summary>
    public ReadOnlySpan<float> NodeLosses => _losses;

    /// <summary>Mean of node i's squared per-example training losses over its local steps in the last round it was active.</summary>
    public ReadOnlySpan<double> NodeSquaredLosses => _squaredLosses;

    /// <summary>
    /// Gradient statistics of the last round: mean over active nodes of |g_i|^2 and |mean_i g_i|^2, of each node's last
    /// local-step gradient (batch <see cref="SgdOptions.BatchSize"/> each), for the gradient-noise-scale estimate.
    /// </summary>
    public GradientStatistics LastGradientStatistics { get; private set; } = GradientStatistics.None;

    /// <summary>|g_i|^2 of each node's last local-step gradient in the last round it was active.</summary>
    public ReadOnlySpan<float> GradientNormsSquared => _gradientNormsSquared;

    /// <summary>
    /// One D-PSGD round: tau local steps on each active node (in parallel over the pool), then X_active &lt;- W X_active.
    /// <paramref name="mixing"/> must already be rebuilt for <paramref name="active"/>. Allocates nothing.
    /// </summary>
    /// <returns>Mean training loss over the active nodes.</returns>
    /// <exception cref="DivergenceException">A loss or a parameter became non-finite.</exception>
    public float RunRound(ReadOnlySpan<bool> active, MixingMatrix mixing)
    {
        ArgumentNullException.ThrowIfNull(mixing);
        if (active.Length != NodeCount)
        {
            throw new ArgumentException($"Expected {NodeCount} flags, got {active.Length}.", nameof(active));
        }

        _activeCount = 0;
        for (int i = 0; i < active.Length; i++)
        {
            _activeMask[i] = active[i];
            if (active[i])
            {
                _activeList[_activeCount++] = i;
            }
        }

        if (_activeCount == 0)
        {
            // No gradient this round: the last round's statistics must not be observed a second time.
            LastGradientStatistics = GradientStatistics.None;
            return float.NaN;
        }

        _nextItem = -1;
        _pool.Run(_localStepsBody);
        _mixing = mixing;
        _mixClaims.Reset(MixBlockCount(Parameters.Cols));
        _pool.Run(_mixBody);
        _mixing = null;
        LastGradientStatistics = MeasureGradients();
        float sum = 0;
        for (int a = 0; a < _activeCount; a++)
        {
            sum += _losses[_activeList[a]];
        }

        _round++;
        return sum / _activeCount;
    }

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();
}
