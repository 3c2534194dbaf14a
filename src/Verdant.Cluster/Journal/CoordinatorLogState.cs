namespace Verdant.Cluster.Journal;

/// <summary>What an output folder holds of a coordinator log.</summary>
public enum CoordinatorLogState
{
    /// <summary>No log.</summary>
    Missing,

    /// <summary>A log of a run that has not finished: it can be resumed.</summary>
    Unfinished,

    /// <summary>A log of a run that finished.</summary>
    Finished,
}
