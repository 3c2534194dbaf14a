using Verdant.Cli.Scenarios;
using Verdant.Core.Energy;
using Verdant.Core.Simulation;

namespace Verdant.Cli.Tests.Scenarios;

public class ScenarioLoaderChoicesTests
{
    [Fact]
    public void Load_UnknownCountry_ListsKnownCodes()
    {
        string yaml = ScenarioLoaderTests.Valid.Replace("country: PL", "country: xx", StringComparison.Ordinal);

        string message = Assert.Throws<ScenarioException>(() => Load(yaml)).Message;

        Assert.Equal("t.yaml: sites[1].country: unknown grid country 'XX'; known: " + string.Join(", ", GridProfiles.KnownCodes), message);
        Assert.Contains("AU, BR, CA", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ForecastAndInactive_MapOntoScenario()
    {
        string yaml = ScenarioLoaderTests.Valid.Replace("policy: { name: greenest-k, k: 2 }",
            "policy: { name: greenest-k, k: 2, inactive: idle }\nforecast: { kind: noisy }", StringComparison.Ordinal);

        Scenario scenario = Load(yaml);

        Assert.Equal(ForecastKind.Noisy, scenario.Forecast);
        Assert.Equal(InactivePower.Idle, scenario.Inactive);
    }

    [Fact]
    public void Load_NoForecastOrInactive_DefaultsToPerfectAndOff()
    {
        Scenario scenario = Load(ScenarioLoaderTests.Valid);

        Assert.Equal(ForecastKind.Perfect, scenario.Forecast);
        Assert.Equal(InactivePower.Off, scenario.Inactive);
    }

    [Fact]
    public void Load_MisspelledForecastKind_Suggests()
    {
        string yaml = ScenarioLoaderTests.Valid + "\nforecast: { kind: persistance }";

        string message = Assert.Throws<ScenarioException>(() => Load(yaml)).Message;

        Assert.Equal("t.yaml: forecast.kind: unknown value 'persistance' (did you mean 'persistence'?); expected one of perfect, persistence, noisy", message);
    }

    private static Scenario Load(string yaml) => ScenarioLoader.Load(new StringReader(yaml), "t.yaml", "/tmp").Scenario;
}
