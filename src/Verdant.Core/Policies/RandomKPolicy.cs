namespace Verdant.Core.Policies;

/// <summary>k units drawn uniformly at random every epoch (seeded): the energy-oblivious partial-participation baseline.</summary>
public sealed class RandomKPolicy(int k) : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => "random-k";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int n = context.Units.Count;
        int[] order = Enumerable.Range(0, n).ToArray();
        context.Random.Shuffle(order);
        var active = new bool[n];
        int take = Math.Min(k, n);
        for (int i = 0; i < take; i++)
        {
            active[order[i]] = true;
        }

        return new Allocation(active, $"{take} random units");
    }
}
