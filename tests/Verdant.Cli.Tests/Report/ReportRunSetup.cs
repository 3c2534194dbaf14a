using Verdant.Cli.Commands;
using Verdant.Cli.Tests.Commands;
using Verdant.Cli.Tests.Compare;

namespace Verdant.Cli.Tests.Report;

/// <summary>
/// A tiny real run (three sites, a battery, greenest-k so that activity changes between decisions) and its output
/// folder, made by `verdant run` itself; report.html is written at its end.
/// </summary>
internal sealed class ReportRunSetup : IDisposable
{
    public const string Scenario = """
        name: tiny-report
        seed: 3
        start: 2026-06-01T06:00:00Z
        sites:
          - { name: paris, lat: 48.8, lon: 2.3, units: 2, hardware: gpu-a100, solar_kwp: 3, country: FR }
          - { name: warsaw, lat: 52.2, lon: 21.0, units: 1, hardware: gpu-v100, country: PL }
          - { name: madrid, lat: 40.4, lon: -3.7, units: 2, hardware: gpu-a100, solar_kwp: 5, country: ES, battery: { capacity_kwh: 5, charge_kw: 2, discharge_kw: 2 } }
        model: { kind: logreg }
        training: { learning_rate: 0.1, batch_size: 16 }
        workload: { flops_per_step: 2e17, message_bytes: 1e6 }
        topology: { kind: ring }
        policy: { name: greenest-k, k: 3, epoch_minutes: 60 }
        stop: { rounds: 24, target_accuracy: 0.9 }
        evaluation: { every_node_rounds: 9 }
        """;

    private readonly TinyCompareSetup _data = new(Scenario);

    public ReportRunSetup()
    {
        Output = _data.Out("run");
        (int code, _, string err) = ProgramTests.Invoke("run", _data.ScenarioPath, "--data-dir", _data.DataDirectory, "--out", Output);
        if (code != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"tiny run failed ({code}): {err}");
        }
    }

    public string Output { get; }

    public TinyCompareSetup Data => _data;

    public string Copy(string name)
    {
        string copy = _data.Out(name);
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(Output))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose() => _data.Dispose();
}
