namespace Verdant.Cluster.Journal;

/// <summary>A coordinator log cannot be used: it is of another run, unreadable, or a replay of it did not rebuild what it recorded.</summary>
public sealed class CoordinatorLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CoordinatorLogException()
    {
    }

    /// <summary>Creates the exception with a message naming the log and what is wrong.</summary>
    public CoordinatorLogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CoordinatorLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the log belongs to another scenario or run (bad input), false when it is damaged or replayed differently.</summary>
    public bool IsMismatch { get; init; }
}
