namespace Verdant.Core.Policies;

/// <summary>
/// Only units whose site's renewable surplus covers their power over the whole epoch (and the hour after it, so a
/// round that runs past the epoch is still covered): zero operational carbon by construction.
/// </summary>
public sealed class RenewableOnlyPolicy : IAllocationPolicy
{
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
        foreach (UnitView unit in context.Units)
        {
            if (budgetW[unit.Site] >= unit.TrainingPowerW)
            {
                budgetW[unit.Site] -= unit.TrainingPowerW;
                active[unit.Index] = true;
                count++;
            }
        }

        return new Allocation(active, count == 0 ? "no renewable surplus anywhere" : $"{count} units on renewable surplus");
    }
}
