namespace Verdant.Core.Tests;

/// <summary>
/// Tests that count process-wide allocated bytes (work spread over worker threads) must not run beside other tests,
/// whose allocations would be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialAllocationTests
{
    public const string Name = "Serial allocation";
}
