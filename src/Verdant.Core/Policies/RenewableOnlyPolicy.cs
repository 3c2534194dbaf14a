namespace Verdant.Core.Policies;

/// <summary>
/// Only units whose site's renewable surplus covers their power over the whole epoch (and the hour after it, so a
/// round that runs past the epoch is still covered): zero operational carbon by construction. A site's surplus goes to
/// its stalest units first (<see cref="DataCoverage"/>), so equally green units take turns.
/// </summary>
public sealed class RenewableOnlyPolicy(PolicyOptions? options = null) : IAllocationPolicy
{
    private readonly DataCoverage _coverage = new(options ?? new PolicyOptions());

    /// <inheritdoc />
    public string Name => "renewable-only";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new bool[context.Units.Count];
        var budgetW = new double[context.Sites.Count];
        for (int s = 0; s < budgetW.Length; s++)
        {
            budgetW[s] = context.MinSurplusOverEpochW(s);
        }

        int count = 0;
        foreach (int i in _coverage.WithinSiteOrder(context))
        {
            UnitView unit = context.Units[i];
            if (budgetW[unit.Site] >= unit.TrainingPowerW)
            {
                budgetW[unit.Site] -= unit.TrainingPowerW;
                active[unit.Index] = true;
                count++;
            }
        }

        _coverage.Record(context, active);
        return new Allocation(active, count == 0 ? "no renewable surplus anywhere" : $"{count} units on renewable surplus");
    }
}
