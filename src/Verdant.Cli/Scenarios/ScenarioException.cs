namespace Verdant.Cli.Scenarios;

/// <summary>A scenario file is invalid; the message names the file and the field (exit code 2).</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ScenarioException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScenarioException(string message, Exception inner) : base(message, inner) { }
}
