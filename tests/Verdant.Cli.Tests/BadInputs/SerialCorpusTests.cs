namespace Verdant.Cli.Tests.BadInputs;

/// <summary>
/// The corpus asserts that no case writes into the working directory, which is the test output folder; other tests
/// write there on purpose (the browser test keeps its screenshots under artifacts/), so the corpus must not run beside
/// them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCorpusTests
{
    public const string Name = "Serial corpus";
}
