namespace Verdant.Cli.Sweeps;

/// <summary>A sweep's field path that is malformed or does not fit the scenario; the message names the path.</summary>
internal sealed class FieldPathException(string message) : Exception(message);
