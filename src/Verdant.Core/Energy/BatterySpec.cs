namespace Verdant.Core.Energy;

/// <summary>An on-site battery: usable capacity, charge and discharge power limits, round-trip efficiency, minimum and initial state of charge (fractions).</summary>
/// <remarks>
/// The battery starts at its minimum state of charge unless an initial one is given: energy stored before the run would
/// be carbon-free energy no policy paid for, and which policy drains it depends only on where it trains at night.
/// </remarks>
public sealed record BatterySpec(double CapacityKwh, double MaxChargeKw, double MaxDischargeKw,
    double RoundTripEfficiency = 0.9, double MinSocFraction = 0.1, double? InitialSocFraction = null)
{
    /// <summary>State of charge at the start (fraction): the initial one if given, else the minimum.</summary>
    public double StartSocFraction => InitialSocFraction ?? MinSocFraction;
}
