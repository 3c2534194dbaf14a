using System.Text.Json;
using Verdant.Cli.Commands;

namespace Verdant.Cli.Tests.Commands;

public sealed class TopologyCommandTests
{
    [Fact]
    public void Topology_LargeExponential_UsesLanczosAndConverges()
    {
        (int code, string output, _) = ProgramTests.Invoke("topology", "exponential", "--nodes", "5000", "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal("lanczos", root.GetProperty("spectral_gap_method").GetString());
        Assert.True(root.GetProperty("spectral_gap_error_bound").GetDouble() <= 1e-8);
        Assert.InRange(root.GetProperty("spectral_gap").GetDouble(), 0.05, 0.3);
    }

    [Fact]
    public void Topology_LongRing_ReportsAnUpperBoundInsteadOfFailing()
    {
        (int code, string output, _) = ProgramTests.Invoke("topology", "ring", "--nodes", "5000");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("at most", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_SmallRing_StaysDenseAndExact()
    {
        (int code, string output, _) = ProgramTests.Invoke("topology", "ring", "--nodes", "16", "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("dense", json.RootElement.GetProperty("spectral_gap_method").GetString());
        Assert.Equal(1 - ((1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / 16))), json.RootElement.GetProperty("spectral_gap").GetDouble(), 12);
    }
}
