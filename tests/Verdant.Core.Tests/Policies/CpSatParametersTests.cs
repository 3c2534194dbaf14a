using Verdant.Core.Policies;

namespace Verdant.Core.Tests.Policies;

public class CpSatParametersTests
{
    [Fact]
    public void Deterministic_HasNoWallClockLimit()
    {
        string parameters = CpSatParameters.Deterministic(2.5, relativeGap: 0.005);

        Assert.DoesNotContain("max_time_in_seconds", parameters, StringComparison.Ordinal);
        Assert.Contains("max_deterministic_time:2.5", parameters, StringComparison.Ordinal);
        Assert.Contains("num_workers:1", parameters, StringComparison.Ordinal);
        Assert.Contains("relative_gap_limit:0.005", parameters, StringComparison.Ordinal);
    }
}
