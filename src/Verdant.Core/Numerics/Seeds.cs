namespace Verdant.Core.Numerics;

/// <summary>
/// Derives independent, reproducible seeds for named random streams from the scenario seed (SplitMix64 finalizer,
/// Steele, Lea and Flood, OOPSLA 2014). HashCode.Combine is not usable here: it is randomized per process.
/// </summary>
public static class Seeds
{
    /// <summary>Stream of per-node batch sampling.</summary>
    public const int Sampling = 1;

    /// <summary>Stream of the data partition.</summary>
    public const int Partition = 2;

    /// <summary>Stream of the policy.</summary>
    public const int Policy = 4;

    /// <summary>Stream of the model initialization.</summary>
    public const int Initialization = 5;

    /// <summary>Stream of random topologies.</summary>
    public const int Topology = 6;

    /// <summary>Stream of forecast errors.</summary>
    public const int Forecast = 7;

    /// <summary>Stream of compute-time jitter (stragglers).</summary>
    public const int Straggler = 8;

    /// <summary>Stream that picks the validation split out of the training set.</summary>
    public const int Validation = 9;

    /// <summary>A 31-bit seed for stream <paramref name="stream"/>, item <paramref name="index"/>, of scenario seed <paramref name="seed"/>.</summary>
    public static int Derive(int seed, int stream, int index = 0)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        z = Mix(z ^ ((ulong)(uint)stream << 32) ^ (uint)index);
        return (int)(z >> 33);
    }

    /// <summary>A generator for stream <paramref name="stream"/>, item <paramref name="index"/>.</summary>
    public static Random Create(int seed, int stream, int index = 0) => new(Derive(seed, stream, index));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
