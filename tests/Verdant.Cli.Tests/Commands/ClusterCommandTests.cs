using System.Security.Cryptography;
using Verdant.Cli.Commands;
using Verdant.Cluster.Journal;
using Verdant.Core.Simulation;

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
    public void Run_ResumeLogOfAnotherSeed_ExitsTwoNamingTheSeed()
    {
        string scenarioPath = RepositoryFiles.PathOf("scenarios/cluster-small.yaml");
        string dir = Directory.CreateTempSubdirectory("verdant-resume-").FullName;
        try
        {
            Scenario scenario = RunSetup.LoadScenario(scenarioPath, null, null, null, null).Scenario;
            string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenarioPath)));
            CoordinatorLog.Create(Path.Combine(dir, CoordinatorLog.FileName),
                CoordinatorLogHeader.For(scenario with { Seed = scenario.Seed + 1 }, "run-1", sha)).Dispose();

            (int code, _, string err) = ProgramTests.Invoke("cluster", "run", scenarioPath, "--out", dir, "--resume");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"verdant: --resume: {dir}/coordinator.jsonl: the log is of another run: seed is {scenario.Seed + 1} in the log, " +
                $"{scenario.Seed} now\n", err);
            Assert.Equal([CoordinatorLog.FileName], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Run_UnfinishedLogWithoutResume_ExitsTwo()
    {
        string scenarioPath = RepositoryFiles.PathOf("scenarios/cluster-small.yaml");
        string dir = Directory.CreateTempSubdirectory("verdant-resume-").FullName;
        try
        {
            Scenario scenario = RunSetup.LoadScenario(scenarioPath, null, null, null, null).Scenario;
            CoordinatorLog.Create(Path.Combine(dir, CoordinatorLog.FileName), CoordinatorLogHeader.For(scenario, "run-1", null)).Dispose();

            (int code, _, string err) = ProgramTests.Invoke("cluster", "run", scenarioPath, "--out", dir, "--local", "1");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"verdant: --out: {dir} holds an unfinished cluster run (coordinator.jsonl); add --resume to continue it " +
                "on its running cluster, or choose another --out\n", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--local", "verdant: --resume: a run cannot be resumed on --local silos (they stop with the process that started them); join the cluster that holds the run's units with --membership\n")]
    [InlineData("", "verdant: --resume: needs --out DIR, the folder of the run to resume\n")]
    [InlineData("--time-scale", "verdant: --resume: a --time-scale run is not logged and cannot be resumed (its measured round times and energy would not replay); resume runs on the modelled clock only\n")]
    public void Run_ResumeWithoutItsCluster_ExitsTwo(string option, string message)
    {
        string[] args = option switch
        {
            "--local" => ["cluster", "run", "--resume", "--local", "2", "--out", "x"],
            "--time-scale" => ["cluster", "run", "--resume", "--time-scale", "60", "--out", "x"],
            _ => ["cluster", "run", "--resume"],
        };

        (int code, _, string err) = ProgramTests.Invoke(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(message, err);
    }

    [Fact]
    public void Run_DamagedLogWithoutResume_ExitsTwoNamingTheLine()
    {
        string dir = Directory.CreateTempSubdirectory("verdant-resume-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "coordinator.jsonl"), "{\"kind\":\"round\"}\n");

            (int code, _, string err) = ProgramTests.Invoke("cluster", "run", RepositoryFiles.PathOf("scenarios/cluster-small.yaml"),
                "--out", dir, "--local", "1");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"verdant: --out: {dir}/coordinator.jsonl: line 1: not a coordinator log header\n", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Run_ResumeWithNoLog_ExitsTwo()
    {
        string dir = Directory.CreateTempSubdirectory("verdant-resume-").FullName;
        try
        {
            (int code, _, string err) = ProgramTests.Invoke("cluster", "run", RepositoryFiles.PathOf("scenarios/cluster-small.yaml"),
                "--out", dir, "--resume");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"verdant: --resume: {dir}/coordinator.jsonl: no coordinator log to resume\n", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
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
