namespace Verdant.Core.Policies;

/// <summary>
/// The k units with the lowest marginal carbon per FLOP right now, renewable surplus counted as free
/// (<see cref="MarginalCarbon"/>); ties go to the faster unit, then the lower index.
/// </summary>
public sealed class GreenestKPolicy(int k) : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => "greenest-k";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        double[] carbon = MarginalCarbon.ForAllUnits(context);
        int[] chosen = MarginalCarbon.Ranking(context, carbon).Take(k).ToArray();
        var active = new bool[context.Units.Count];
        foreach (int i in chosen)
        {
            active[i] = true;
        }

        int free = chosen.Count(i => carbon[i] == 0);
        return new Allocation(active, $"{chosen.Length} greenest units, {free} on renewable surplus");
    }
}
