namespace Verdant.Core.Energy;

/// <summary>A seeded hourly Markov chain over <see cref="CloudState"/> giving the fraction of clear-sky GHI that reaches the ground.</summary>
/// <remarks>
/// Transmission per state from Kasten and Czeplak (1980), "Solar and terrestrial radiation dependent on the amount and
/// type of cloud", Solar Energy 24, 177-189: GHI / GHI_clear = 1 - 0.75 (N/8)^3.4, evaluated at N = 1, 4.5 and 7.5 oktas
/// (the middle of each state's okta range). The hourly transition matrix is an assumption (see docs/energy-model.md):
/// states persist for several hours; the stationary mix is 42% clear, 31% partly, 27% overcast, mean transmission 0.81.
/// </remarks>
public sealed class CloudProcess
{
    /// <summary>Default clear-sky transmission per state (Kasten and Czeplak 1980 at 1, 4.5, 7.5 oktas).</summary>
    public static IReadOnlyList<double> DefaultTransmission { get; } =
        [KastenCzeplak(1), KastenCzeplak(4.5), KastenCzeplak(7.5)];

    /// <summary>Default hourly transition matrix, row = from, column = to (assumption, documented).</summary>
    public static IReadOnlyList<IReadOnlyList<double>> DefaultTransitions { get; } =
    [
        [0.90, 0.08, 0.02],
        [0.10, 0.80, 0.10],
        [0.04, 0.11, 0.85],
    ];

    private readonly Random _random;
    private readonly double[] _transmission;
    private readonly double[,] _transitions;

    /// <summary>Creates a chain with the default numbers, starting in a state drawn from <paramref name="random"/>.</summary>
    public CloudProcess(Random random)
        : this(random, DefaultTransmission, DefaultTransitions)
    {
    }

    /// <summary>Creates a chain with given transmissions (3 values in [0, 1]) and a 3x3 row-stochastic matrix.</summary>
    public CloudProcess(Random random, IReadOnlyList<double> transmission, IReadOnlyList<IReadOnlyList<double>> transitions)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(transmission);
        ArgumentNullException.ThrowIfNull(transitions);
        if (transmission.Count != 3 || transmission.Any(t => !(t is >= 0 and <= 1)))
        {
            throw new ArgumentException("Cloud transmission needs 3 values in [0, 1].", nameof(transmission));
        }

        if (transitions.Count != 3 || transitions.Any(r => r.Count != 3 || r.Any(p => !(p >= 0)) || Math.Abs(r.Sum() - 1) > 1e-9))
        {
            throw new ArgumentException("Cloud transitions must be a 3x3 matrix whose rows are probabilities summing to 1.", nameof(transitions));
        }

        _random = random;
        _transmission = [.. transmission];
        _transitions = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                _transitions[i, j] = transitions[i][j];
            }
        }

        State = (CloudState)_random.Next(3);
    }

    /// <summary>The current hour's state.</summary>
    public CloudState State { get; private set; }

    /// <summary>Fraction of clear-sky GHI reaching the ground in the current state.</summary>
    public double Transmission => _transmission[(int)State];

    /// <summary>Kasten and Czeplak (1980) cloud factor 1 - 0.75 (N/8)^3.4 for a cloud cover of N oktas.</summary>
    public static double KastenCzeplak(double oktas) => 1 - (0.75 * Math.Pow(Math.Clamp(oktas, 0, 8) / 8, 3.4));

    /// <summary>Advances one hour and returns the new transmission.</summary>
    public double Next()
    {
        double u = _random.NextDouble();
        int from = (int)State;
        int to = 2;
        double cumulative = 0;
        for (int j = 0; j < 3; j++)
        {
            cumulative += _transitions[from, j];
            if (u < cumulative)
            {
                to = j;
                break;
            }
        }

        State = (CloudState)to;
        return Transmission;
    }
}
