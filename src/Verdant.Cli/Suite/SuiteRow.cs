using Verdant.Cli.Compare;

namespace Verdant.Cli.Suite;

/// <summary>One finished run of a suite: its scenario (the file name without .yaml) and its compare.csv row.</summary>
internal sealed record SuiteRow(string Scenario, CompareRow Row);
