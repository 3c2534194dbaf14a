namespace Verdant.Core.Policies;

/// <summary>
/// The k units with the lowest marginal carbon per FLOP right now, renewable surplus counted as free
/// (<see cref="MarginalCarbon"/>), discounted by how long each unit's data has been left out (<see cref="DataCoverage"/>);
/// ties go to the stalest unit, then the faster, then the lower index.
/// </summary>
public sealed class GreenestKPolicy(int k, PolicyOptions? options = null) : IAllocationPolicy
{
    private readonly DataCoverage _coverage = new(options ?? new PolicyOptions());

    /// <inheritdoc />
    public string Name => "greenest-k";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        double[] carbon = _coverage.MarginalCarbonPerUnit(context);
        int[] chosen = _coverage.Ranking(context, carbon).Take(k).ToArray();
        var active = new bool[context.Units.Count];
        foreach (int i in chosen)
        {
            active[i] = true;
        }

        _coverage.Record(context, active);
        int free = chosen.Count(i => carbon[i] == 0);
        return new Allocation(active, $"{chosen.Length} greenest units, {free} on renewable surplus");
    }
}
