using System.CommandLine;

namespace Verdant.Cli.Commands;

/// <summary>Options shared by several commands, defined once.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Policy = new("--policy") { Description = "Allocation policy (overrides the scenario)" };

    public static readonly Option<int?> Rounds = Positive(new Option<int?>("--rounds") { Description = "Training rounds (overrides the scenario)" });

    public static readonly Option<int?> Seed = NonNegative(new Option<int?>("--seed") { Description = "Random seed (overrides the scenario)" });

    public static readonly Option<string?> Out = new("--out") { Description = "Output directory (default runs/<timestamp>-<policy>)" };

    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace a non-empty output folder whole (its old content is removed once the new one is complete)",
    };

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "IDX data set directory (default /usr/share/datasets/fashion-mnist)",
    };

    public static readonly Option<int?> Workers = Positive(new Option<int?>("--workers") { Description = "Training threads (default: all cores)" });

    // A token that is not a number already carries the parser's own error; the range check must not throw on it.
    private static int? Parsed(System.CommandLine.Parsing.OptionResult result)
        => result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : null;

    internal static Option<int?> Positive(Option<int?> option)
    {
        option.Validators.Add(result =>
        {
            if (Parsed(result) is <= 0)
            {
                result.AddError($"{option.Name}: must be a positive whole number");
            }
        });
        return option;
    }

    internal static Option<int?> NonNegative(Option<int?> option)
    {
        option.Validators.Add(result =>
        {
            if (Parsed(result) is < 0)
            {
                result.AddError($"{option.Name}: must not be negative");
            }
        });
        return option;
    }
}
