using Verdant.Cli.Commands;

namespace Verdant.Cli.Tests.Commands;

public class ClusterCommandTests
{
    [Fact]
    public void Silo_UnknownSite_ExitsTwoNamingSites()
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "silo", "--site", "lisbon",
            "--scenario", RepositoryFiles.PathOf("scenarios/cluster-small.yaml"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --site: lisbon is not a site of cluster-small (madrid, stockholm, warsaw)\n", err);
    }

    [Fact]
    public void Silo_RedisWithoutEndpoint_ExitsTwo()
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "silo", "--site", "madrid", "--membership", "redis");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --redis: HOST:PORT is required with --membership redis\n", err);
    }

    [Fact]
    public void Run_LocalZero_ExitsTwoNamingOption()
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "run", "--local", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --local: must be a positive whole number\n", err);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("NaN")]
    public void Run_TimeScaleNotPositive_ExitsTwoNamingOption(string scale)
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "run", "--time-scale", scale);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --time-scale: must be a positive number of simulated seconds per wall second\n", err);
    }

    [Fact]
    public void Run_NegativeCheckpointInterval_ExitsTwoNamingOption()
    {
        (int code, _, string err) = ProgramTests.Invoke("cluster", "run", "--local", "1", "--checkpoint-every", "-1");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("verdant: --checkpoint-every: must not be negative\n", err);
    }
}
