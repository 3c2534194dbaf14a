namespace Verdant.Core.Policies;

/// <summary>Every unit trains all the time: the carbon-oblivious baseline.</summary>
public sealed class AllPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => "all";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new bool[context.Units.Count];
        Array.Fill(active, true);
        return new Allocation(active, "all units");
    }
}
