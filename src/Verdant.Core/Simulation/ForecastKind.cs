namespace Verdant.Core.Simulation;

/// <summary>What policies may know of the future supply.</summary>
public enum ForecastKind
{
    /// <summary>The truth: an upper bound on what forecasting can give.</summary>
    Perfect,

    /// <summary>Same hour yesterday.</summary>
    Persistence,

    /// <summary>Truth plus a seeded error growing with the lead time.</summary>
    Noisy,
}
