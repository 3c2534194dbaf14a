namespace Verdant.Core.Consensus;

/// <summary>Training produced a non-finite loss or parameter; names the round and the node where it was first seen.</summary>
public sealed class DivergenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DivergenceException() { }

    /// <summary>Creates the exception with a message.</summary>
    public DivergenceException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DivergenceException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception for <paramref name="node"/> at <paramref name="round"/>.</summary>
    public DivergenceException(int round, int node, string what)
        : base($"training diverged at round {round}, node {node}: {what}")
    {
        Round = round;
        Node = node;
    }

    /// <summary>Round (0-based) where the blow-up was seen.</summary>
    public int Round { get; }

    /// <summary>Node where the blow-up was seen.</summary>
    public int Node { get; }
}
