namespace Verdant.Core.Policies;

/// <summary>The allocation policies by name; unknown names get a "did you mean" suggestion.</summary>
public static class PolicyCatalog
{
    private static readonly Dictionary<string, Func<PolicyOptions, IAllocationPolicy>> Factories =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["all"] = _ => new AllPolicy(),
            ["random-k"] = o => new RandomKPolicy(o.K),
            ["greenest-k"] = o => new GreenestKPolicy(o.K, o),
            ["renewable-only"] = o => new RenewableOnlyPolicy(o),
            ["carbon-cap"] = o => new CarbonCapPolicy(o.CarbonCapGPerKwh, o),
            ["adaptive"] = o => new AdaptivePolicy(o),
            ["carbonscaler"] = o => new CarbonScalerPolicy(o),
            ["fedzero"] = o => new FedZeroPolicy(o),
            ["planner"] = o => new PlannerPolicy(o),
        };

    /// <summary>The policy Verdant recommends (README); the suite comparison checks every baseline against it.</summary>
    public const string Recommended = "adaptive";

    /// <summary>The reference every suite ratio is taken against: every unit trains every round.</summary>
    public const string Reference = "all";

    /// <summary>Registered names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names => [.. Factories.Keys];

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => Factories.ContainsKey(name);

    /// <summary>Creates the policy <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the names and the closest one.</exception>
    public static IAllocationPolicy Create(string name, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Factories.TryGetValue(name, out var factory))
        {
            return factory(options);
        }

        throw new ArgumentException(UnknownMessage(name), nameof(name));
    }

    /// <summary>The message for an unknown policy name.</summary>
    public static string UnknownMessage(string name)
    {
        string hint = NameSuggestion.Hint(Names, name);
        return $"unknown policy '{name}'{hint}; known: {string.Join(", ", Names)}";
    }
}
