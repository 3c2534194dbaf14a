using System.CommandLine;
using System.CommandLine.Parsing;
using Verdant.Core.Policies;

namespace Verdant.Cli.Commands;

/// <summary>
/// Turns System.CommandLine's first parse error into one line a user can act on: an unknown command is named with the
/// commands there are and a "did you mean"; a value that does not convert names the option and the kind expected instead
/// of a .NET type name.
/// </summary>
internal static class ParseErrors
{
    public static string Describe(ParseResult parse, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(root);
        if (parse.CommandResult.Command == root)
        {
            return UnknownCommand(parse, root);
        }

        ParseError error = parse.Errors[0];
        if (OptionOf(error.SymbolResult) is { } option && option.Tokens.Count > 0
            && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            string given = option.Tokens[^1].Value;
            return $"{option.Option.Name}: must be {Kind(option.Option.ValueType)}, got '{given}'";
        }

        return error.Message;
    }

    private static string UnknownCommand(ParseResult parse, RootCommand root)
    {
        string[] names = [.. root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)];
        string list = string.Join(", ", names);
        string? typed = parse.Tokens.FirstOrDefault(t => t.Type != TokenType.Option)?.Value
            ?? (parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null);
        if (typed is null || typed.StartsWith('-'))
        {
            return typed is null
                ? $"a command is required; commands: {list} (verdant --help for more)"
                : $"unknown option '{typed}' before a command; commands: {list}";
        }

        return $"unknown command '{typed}'{NameSuggestion.Hint(names, typed)}; commands: {list}";
    }

    private static OptionResult? OptionOf(SymbolResult? result)
    {
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is OptionResult option)
            {
                return option;
            }
        }

        return null;
    }

    private static string Kind(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "a whole number"
            : t == typeof(double) || t == typeof(float) ? "a number"
            : t == typeof(bool) ? "true or false"
            : $"a {t.Name.ToLowerInvariant()}";
    }
}
