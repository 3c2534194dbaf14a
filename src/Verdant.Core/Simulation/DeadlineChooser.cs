namespace Verdant.Core.Simulation;

/// <summary>
/// Chooses a round deadline D from the units' recently observed finish times so as to maximize expected progress per
/// second, progress(K(D)) / D, where K(D) = sum over active units of the fraction of their recent finishes within D and
/// progress(k) = 1 / (1 + B / (k b)) is the useful progress of a step at global batch k b for gradient noise scale B
/// (McCandlish et al., 2018). Units finishing later are left out of that round: the decentralized analogue of dynamic
/// backup workers (Xu, Neglia and Sebastianelli, "Dynamic Backup Workers for Parallel Machine Learning", Computer
/// Networks 2021).
/// </summary>
/// <remarks>
/// Late units' finish times are recorded as if observed (in a real deployment the unit reports its time when it
/// finishes); until every active unit has a sample the round waits for all. With B unknown, B = 8 b is assumed.
/// </remarks>
public sealed class DeadlineChooser
{
    /// <summary>Samples kept per unit.</summary>
    public const int Window = 16;

    private readonly double[] _samples;
    private readonly int[] _counts;
    private readonly double[] _candidates;
    private readonly int[] _shares;

    // lcm(1, ..., Window): every share 1/n of a unit with n <= Window samples is a whole number of 1/WindowLcm.
    private const int WindowLcm = 720720;

    /// <summary>Creates a chooser for <paramref name="units"/> units.</summary>
    public DeadlineChooser(int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        _samples = new double[units * Window];
        _counts = new int[units];
        _candidates = new double[units * Window];
        _shares = new int[units * Window];
    }

    /// <summary>Records unit <paramref name="unit"/>'s finish time (s from the round start).</summary>
    public void Observe(int unit, double finishS)
    {
        _samples[(unit * Window) + (_counts[unit] % Window)] = finishS;
        _counts[unit]++;
    }

    /// <summary>
    /// The deadline (s) for a round of <paramref name="active"/> units with per-unit batch <paramref name="batch"/>
    /// and noise scale <paramref name="noiseScale"/>; +infinity while some active unit has never been observed.
    /// </summary>
    public double Choose(ReadOnlySpan<bool> active, int batch, double noiseScale)
    {
        int candidates = 0;
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                continue;
            }

            if (_counts[i] == 0)
            {
                return double.PositiveInfinity;
            }

            int n = Math.Min(_counts[i], Window);
            for (int s = 0; s < n; s++)
            {
                _candidates[candidates] = _samples[(i * Window) + s];
                _shares[candidates++] = WindowLcm / n;
            }
        }

        // Expected on-time count at deadline d = sum over units of (samples <= d) / n_i: after one sort, a running sum of
        // each sample's share 1/n_i, kept as an exact integer multiple of 1/lcm(1..16). O(C log C) for C samples, where
        // evaluating every candidate unit by unit was O(C N).
        Array.Sort(_candidates, _shares, 0, candidates);
        double best = double.PositiveInfinity, bestRate = double.NegativeInfinity;
        long onTime = 0;
        for (int c = 0; c < candidates;)
        {
            double d = _candidates[c];
            do
            {
                onTime += _shares[c++];
            }
            while (c < candidates && _candidates[c] == d);

            double rate = Policies.ProgressModel.RoundProgress(onTime / (double)WindowLcm, batch, noiseScale) / d;
            if (rate > bestRate || (rate == bestRate && d > best))
            {
                bestRate = rate;
                best = d;
            }
        }

        return best;
    }
}
