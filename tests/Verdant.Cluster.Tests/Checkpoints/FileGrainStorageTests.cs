using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Verdant.Cluster.Checkpoints;
using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Tests.Checkpoints;

public sealed class FileGrainStorageTests : IDisposable
{
    private static readonly GrainId Unit = GrainId.Create("node", "run-1:4:coal");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("verdant-ckpt-test-");
    private readonly FileGrainStorage _storage;

    public FileGrainStorageTests()
    {
        Serializer serializer = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(NodeCheckpoint).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        _storage = new FileGrainStorage(_directory.FullName, new OrleansGrainStorageSerializer(serializer));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Write_ThenRead_ReturnsTheSameBytes()
    {
        GrainState<NodeCheckpoint> written = State(Checkpoint(1000, seed: 1));
        await _storage.WriteStateAsync("checkpoint", Unit, written);

        var read = new GrainState<NodeCheckpoint>(new NodeCheckpoint());
        await _storage.ReadStateAsync("checkpoint", Unit, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State!.Parameters, read.State!.Parameters);
        Assert.Equal(written.State!.Momentum, read.State!.Momentum);
        Assert.Equal((7, 5L, 123, 2L, 3L), (read.State!.Round, read.State!.SamplerEpochs, read.State!.SamplerPosition, read.State!.Late, read.State!.Duplicate));
    }

    [Fact]
    public async Task Write_FloatArrays_AreStoredAsBlobs()
    {
        const int p = 25_450;
        await _storage.WriteStateAsync("checkpoint", Unit, State(Checkpoint(p, seed: 2)));

        long bytes = new FileInfo(_storage.PathOf("checkpoint", Unit)).Length;

        // Two arrays of P floats at 4 bytes each, plus headers: no per-element encoding.
        Assert.InRange(bytes, 2 * 4 * p, (2 * 4 * p) + 128);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsAndKeepsTheStoredCheckpoint()
    {
        GrainState<NodeCheckpoint> first = State(Checkpoint(10, seed: 3));
        await _storage.WriteStateAsync("checkpoint", Unit, first);
        GrainState<NodeCheckpoint> stale = State(Checkpoint(10, seed: 4));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("checkpoint", Unit, stale));

        var read = new GrainState<NodeCheckpoint>(new NodeCheckpoint());
        await _storage.ReadStateAsync("checkpoint", Unit, read);
        Assert.Equal(first.State!.Parameters, read.State!.Parameters);
        Assert.Single(_directory.GetFiles());
    }

    [Fact]
    public async Task Read_NoFile_RecordDoesNotExist()
    {
        var read = new GrainState<NodeCheckpoint>(new NodeCheckpoint());

        await _storage.ReadStateAsync("checkpoint", GrainId.Create("node", "run-1:0:sunny"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task DeleteMatching_RunId_DeletesOnlyThatRunsFiles()
    {
        await _storage.WriteStateAsync("checkpoint", Unit, State(Checkpoint(4, seed: 5)));
        await _storage.WriteStateAsync("checkpoint", GrainId.Create("node", "run-2:4:coal"), State(Checkpoint(4, seed: 6)));

        int deleted = FileGrainStorage.DeleteMatching(_directory.FullName, "run-1:");

        Assert.Equal(1, deleted);
        Assert.Contains("run-2", _directory.GetFiles().Single().Name, StringComparison.Ordinal);
    }

    private static GrainState<NodeCheckpoint> State(NodeCheckpoint checkpoint) => new() { State = checkpoint };

    private static NodeCheckpoint Checkpoint(int p, int seed)
    {
        var random = new Random(seed);
        float[] x = [.. Enumerable.Range(0, p).Select(_ => (float)random.NextDouble() - 0.5f)];
        float[] m = [.. Enumerable.Range(0, p).Select(_ => (float)random.NextDouble())];
        return new NodeCheckpoint
        {
            Round = 7, Parameters = NodeCheckpoint.ToBytes(x), Momentum = NodeCheckpoint.ToBytes(m),
            SamplerEpochs = 5, SamplerPosition = 123, Late = 2, Duplicate = 3,
        };
    }
}
