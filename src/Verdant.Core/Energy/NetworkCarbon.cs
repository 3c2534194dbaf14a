namespace Verdant.Core.Energy;

/// <summary>Whose grid intensity prices network energy.</summary>
public enum NetworkCarbon
{
    /// <summary>Half of a copy's energy at the sender's grid intensity, half at the receiver's.</summary>
    Endpoints,

    /// <summary>
    /// The hour's mean grid intensity over all the scenario's sites, whatever the endpoints: the routers on a path are on
    /// neither end's grid, so a policy cannot make its traffic clean by choosing clean endpoints.
    /// </summary>
    FleetMean,
}
