namespace Verdant.Core.Simulation;

/// <summary>
/// Communication between two sites under one decision: <paramref name="Edges"/> unit-to-unit links of the active graph
/// join a unit of site <paramref name="SiteA"/> to a unit of site <paramref name="SiteB"/> (SiteA &lt;= SiteB; equal for
/// links inside a site).
/// </summary>
public sealed record SiteLink(int SiteA, int SiteB, int Edges);
