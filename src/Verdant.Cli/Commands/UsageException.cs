namespace Verdant.Cli.Commands;

/// <summary>A command-line option or an input file is wrong; the message says which (exit code 2).</summary>
internal sealed class UsageException : Exception
{
    public UsageException() { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
