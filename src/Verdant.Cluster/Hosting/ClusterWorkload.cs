using Verdant.Core.Data;
using Verdant.Core.Numerics;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Hosting;

/// <summary>
/// What every silo loads for itself: the scenario, the data set (read locally, never sent) and the BLAS. Shards come
/// from the same seeded partitioner as the simulator's, so each silo derives the same split without exchanging it.
/// </summary>
public sealed class ClusterWorkload
{
    private readonly Lazy<Dataset> _split;
    private readonly Lazy<int[][]> _shards;

    /// <summary>Holds <paramref name="scenario"/> with its training and test sets.</summary>
    public ClusterWorkload(Scenario scenario, Dataset train, Dataset test, IGemm gemm)
    {
        Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Test = test ?? throw new ArgumentNullException(nameof(test));
        Gemm = gemm ?? throw new ArgumentNullException(nameof(gemm));
        SiteOfUnit = [.. scenario.Sites.SelectMany(s => Enumerable.Repeat(s.Name, s.Units))];
        _split = new Lazy<Dataset>(() => ValidationSplit.Split(train, scenario.ValidationExamples,
            Seeds.Create(scenario.Seed, Seeds.Validation)).Train);
        _shards = new Lazy<int[][]>(() => Partitioner.Partition(TrainingSplit.Labels, TrainingSplit.ClassCount,
            scenario.UnitCount, scenario.Partition, Seeds.Create(scenario.Seed, Seeds.Partition)));
    }

    /// <summary>The scenario every process of the cluster loaded.</summary>
    public Scenario Scenario { get; }

    /// <summary>Training set, on this machine.</summary>
    public Dataset Train { get; }

    /// <summary>Test set, on this machine.</summary>
    public Dataset Test { get; }

    /// <summary>Matrix products for the model.</summary>
    public IGemm Gemm { get; }

    /// <summary>Site name of each unit, in node order (site by site, as the simulator's fleet).</summary>
    public IReadOnlyList<string> SiteOfUnit { get; }

    /// <summary>The training set less the validation examples, carved as the simulator carves them; units train on it.</summary>
    public Dataset TrainingSplit => _split.Value;

    /// <summary>Every unit's shard (indices into <see cref="TrainingSplit"/>).</summary>
    public int[][] Shards => _shards.Value;
}
