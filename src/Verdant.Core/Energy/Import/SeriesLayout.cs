namespace Verdant.Core.Energy.Import;

/// <summary>A CSV layout the importer understands; see docs/series-import.md for an example of each.</summary>
public enum SeriesLayout
{
    /// <summary>Detect the layout from the header; fails when the header fits no layout or more than one.</summary>
    Auto,

    /// <summary>A timestamp column and a value column named by the caller, with a unit declared by the caller.</summary>
    Generic,

    /// <summary>Electricity Maps hourly export (both header generations); direct or life-cycle intensity.</summary>
    ElectricityMaps,

    /// <summary>Marginal emissions <c>point_time,value</c> (WattTime style); the caller declares the unit.</summary>
    WattTime,

    /// <summary><c>Time,Carbon Intensity</c> as published with "Let's Wait Awhile" (life-cycle average intensity).</summary>
    LetsWaitAwhile,

    /// <summary>Marginal emissions <c>time,&lt;zone&gt;</c> (Vessim example data); the caller declares the unit.</summary>
    MarginalZone,

    /// <summary>Vessim solar: <c>time</c> in seconds from a caller-given origin, one capacity-factor column per city.</summary>
    VessimSolar,

    /// <summary>Irradiance or PV file: a timestamp and a GHI (W/m2) or capacity-factor column.</summary>
    Irradiance,
}
