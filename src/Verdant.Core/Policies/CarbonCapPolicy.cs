namespace Verdant.Core.Policies;

/// <summary>
/// Units at sites whose grid intensity is under a cap, plus any unit its site's renewable surplus covers: a threshold
/// rule in the spirit of carbon-aware scheduling (Wiesner et al., "Let's Wait Awhile", Middleware 2021). A site's surplus
/// goes to its stalest units first (<see cref="DataCoverage"/>), so equally green units take turns.
/// </summary>
public sealed class CarbonCapPolicy(double capGPerKwh, PolicyOptions? options = null) : IAllocationPolicy
{
    private readonly DataCoverage _coverage = new(options ?? new PolicyOptions());

    /// <inheritdoc />
    public string Name => "carbon-cap";

    /// <inheritdoc />
    public Allocation Decide(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        double[] carbon = _coverage.MarginalCarbonPerUnit(context);
        var active = new bool[context.Units.Count];
        int count = 0;
        foreach (UnitView unit in context.Units)
        {
            if (carbon[unit.Index] == 0 || context.IntensityGPerKwh(unit.Site) < capGPerKwh)
            {
                active[unit.Index] = true;
                count++;
            }
        }

        _coverage.Record(context, active);
        return new Allocation(active, $"{count} units under {capGPerKwh:0} g/kWh or on surplus");
    }
}
