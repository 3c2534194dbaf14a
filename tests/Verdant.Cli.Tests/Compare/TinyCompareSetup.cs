using System.Buffers.Binary;

namespace Verdant.Cli.Tests.Compare;

/// <summary>A temp folder with a tiny separable IDX data set (28 x 28, four classes) and a two-site logreg scenario.</summary>
internal sealed class TinyCompareSetup : IDisposable
{
    public const string Scenario = """
        name: tiny
        seed: 5
        sites:
          - { name: a, lat: 48.8, lon: 2.3, units: 2, hardware: gpu-a100, solar_kwp: 3, country: FR }
          - { name: b, lat: 52.2, lon: 21.0, units: 1, hardware: gpu-v100, country: PL }
        model: { kind: logreg }
        training: { learning_rate: 0.1, batch_size: 16 }
        workload: { flops_per_step: 1e15, message_bytes: 1e6 }
        policy: { name: all, k: 1 }
        stop: { rounds: 12, target_accuracy: 0.9 }
        evaluation: { every_node_rounds: 6 }
        """;

    public TinyCompareSetup(string scenario = Scenario)
    {
        Root = Directory.CreateTempSubdirectory("verdant-compare-").FullName;
        DataDirectory = Path.Combine(Root, "data");
        Directory.CreateDirectory(DataDirectory);
        WriteSplit("train", 240);
        WriteSplit("t10k", 80);
        ScenarioPath = Path.Combine(Root, "tiny.yaml");
        File.WriteAllText(ScenarioPath, scenario);
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string ScenarioPath { get; }

    public string Out(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    // Class c lights rows 7c .. 7c + 6 of the image, on a faint deterministic background: separable by a linear model.
    private void WriteSplit(string prefix, int count)
    {
        const int side = 28;
        var images = new byte[16 + (count * side * side)];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), side);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), side);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int i = 0; i < count; i++)
        {
            int label = i % 4;
            labels[8 + i] = (byte)label;
            for (int p = 0; p < side * side; p++)
            {
                images[16 + (i * side * side) + p] = (byte)(p / side / 7 == label ? 200 : ((i * 31) + (p * 7)) % 60);
            }
        }

        File.WriteAllBytes(Path.Combine(DataDirectory, $"{prefix}-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(DataDirectory, $"{prefix}-labels-idx1-ubyte"), labels);
    }
}
