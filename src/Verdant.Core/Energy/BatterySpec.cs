namespace Verdant.Core.Energy;

/// <summary>An on-site battery: usable capacity, charge and discharge power limits, round-trip efficiency, minimum and initial state of charge (fractions).</summary>
public sealed record BatterySpec(double CapacityKwh, double MaxChargeKw, double MaxDischargeKw,
    double RoundTripEfficiency = 0.9, double MinSocFraction = 0.1, double InitialSocFraction = 0.5);
