namespace Verdant.Cluster.Hosting;

/// <summary>No live silo hosts the site of a unit that was asked to activate.</summary>
[GenerateSerializer]
public sealed class SiteUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiteUnavailableException() { }

    /// <summary>Creates the exception with a message.</summary>
    public SiteUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SiteUnavailableException(string message, Exception inner) : base(message, inner) { }
}
