using Microsoft.Extensions.Options;
using Verdant.Cluster.Hosting;

namespace Verdant.Cluster.Options;

/// <summary>Every site a silo declares must be a site of the scenario it loaded.</summary>
internal sealed class VerdantClusterOptionsValidator(ClusterWorkload workload) : IValidateOptions<VerdantClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, VerdantClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CheckpointEveryRounds < 0)
        {
            return ValidateOptionsResult.Fail($"checkpoint every {options.CheckpointEveryRounds} rounds: must be 0 (off) or positive");
        }

        string[] known = [.. workload.Scenario.Sites.Select(s => s.Name)];
        string[] unknown = [.. options.Sites.Where(s => !known.Contains(s, StringComparer.Ordinal))];
        return unknown.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"site {string.Join(", ", unknown)} is not in scenario {workload.Scenario.Name} (sites: {string.Join(", ", known)})");
    }
}
