namespace Verdant.Cli.Report;

/// <summary>A folder the report cannot be made from (nothing to report, or a file that cannot be read); the message names it.</summary>
internal sealed class ReportException : Exception
{
    public ReportException(string message)
        : base(message)
    {
    }

    public ReportException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ReportException()
    {
    }
}
