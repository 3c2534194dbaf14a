namespace Verdant.Core.Simulation;

/// <summary>How long a synchronous round waits for its units.</summary>
public enum RoundDeadline
{
    /// <summary>For every active unit (plain synchronous D-PSGD).</summary>
    WaitAll,

    /// <summary>Until a deadline chosen from observed step times to maximize expected progress per second.</summary>
    Auto,
}
